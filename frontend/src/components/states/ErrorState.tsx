import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '@/lib/api/describeError';
import { isApiError } from '@/lib/api/problem';

interface ErrorStateProps {
  error: unknown;
  /** Offer a retry button when given. */
  onRetry?: () => void;
  /** Title to use instead of the problem's own (e.g. "Could not load locations"). */
  title?: string;
}

/** An error from the API (or the network), in the user's language, with an optional retry. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation('common');
  const describe = useDescribeError();
  const description = describe(error);
  // e.g. a filter the API refused: say which parameter and why.
  const fieldMessages = isApiError(error)
    ? error.problem.errors.map((e) => `${e.loc.slice(1).join('.') || e.loc.join('.')}: ${e.msg}`)
    : [];
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? description.title}
    >
      <Text size="sm">{description.detail}</Text>
      {fieldMessages.length > 0 && (
        <List size="sm" mt={4}>
          {fieldMessages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {description.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: description.requestId })}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onRetry}
          >
            {t('actions.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
