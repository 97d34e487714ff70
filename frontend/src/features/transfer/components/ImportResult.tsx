import { Alert, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useDescribeError } from '@/lib/api/describeError';
import { useDownloadImportErrors } from '../api/downloadImportErrors';
import type { ImportRun } from '../api/readImport';
import { useTransferTranslation } from '../i18n';

const COUNTS = ['rows_read', 'created', 'updated', 'unchanged', 'failed'] as const;

/** Strings a refused file's report holds (e.g. unknown or missing columns), whatever its shape. */
function reportLines(report: Record<string, unknown> | null): string[] {
  if (!report) return [];
  return Object.entries(report).flatMap(([key, value]) => {
    if (Array.isArray(value))
      return value.map((item) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`);
    if (typeof value === 'string') return [value];
    return [`${key}: ${JSON.stringify(value)}`];
  });
}

/** The counts of a finished import, why it was refused if it was, and the error workbook. */
export function ImportResult({ run }: { run: ImportRun }) {
  const { t } = useTransferTranslation();
  const describe = useDescribeError();
  const errors = useDownloadImportErrors();
  const lines = reportLines(run.report);
  return (
    <Stack gap="sm">
      {run.status === 'failed' ? (
        <Alert color="red" variant="light" role="alert" title={t('import.refused')}>
          {lines.length > 0 && (
            <List size="sm">
              {lines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      ) : (
        <Text size="sm" fw={500} role="status">
          {run.dry_run ? t('import.dryRunDone') : t('import.done')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
        {COUNTS.map((count) => (
          <div key={count}>
            <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`import.counts.${count}`)}
            </Text>
            <Text component="dd" m={0} size="xl" fw={700} c={count === 'failed' && run.failed > 0 ? 'red' : undefined}>
              {run[count]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {run.errors_url && (
        <Group>
          <Button
            variant="light"
            color="red"
            leftSection={<IconDownload size={18} aria-hidden />}
            loading={errors.isPending}
            onClick={() =>
              errors.mutate(run.id, {
                onError: (error) =>
                  notifications.show({ color: 'red', title: t('templates.failed'), message: describe(error).detail }),
              })
            }
          >
            {t('import.errors')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
