import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '@/lib/api/describeError';
import type { FormProblem } from './useFormProblem';

/** The summary above a form after a failed submit (field messages stay under their inputs). */
export function FormAlert({ problem }: { problem: FormProblem | null }) {
  const { t } = useTranslation('common');
  const describe = useDescribeError();
  if (!problem) return null;
  const { title, detail } = describe(problem.error);
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title}>
      <Text size="sm">{problem.onFields && problem.unmatched.length === 0 ? t('errors.formHasErrors') : detail}</Text>
      {problem.unmatched.length > 0 && (
        <List size="sm" mt={4}>
          {problem.unmatched.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
