import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useDescribeError } from '@/lib/api/describeError';
import { Can } from '@/lib/permissions/Can';
import { useCreateExport } from '../api/createExport';
import { useDownloadTemplate } from '../api/downloadTemplate';
import { EXPORT_KINDS, type Entity, type ExportKind } from '../api/entities';
import { useTransferTranslation } from '../i18n';
import { ExportJob } from './ExportJob';

interface TemplatesPanelProps {
  entity: Entity;
  /** The list's filters an export honours (from the list that linked here), if any. */
  filter: Record<string, unknown>;
}

/** The three downloads: the empty template at once, the two data exports as background jobs. */
export function TemplatesPanel({ entity, filter }: TemplatesPanelProps) {
  const { t } = useTransferTranslation();
  const describe = useDescribeError();
  const template = useDownloadTemplate();
  const createExport = useCreateExport();
  const [jobs, setJobs] = useState<{ jobId: string; kind: ExportKind }[]>([]);
  const filtered = Object.keys(filter).length > 0;

  const startExport = (kind: ExportKind) =>
    createExport.mutate(
      { entity, kind, filter },
      {
        onSuccess: (accepted) => setJobs((previous) => [{ jobId: accepted.job_id, kind }, ...previous]),
        onError: (error) =>
          notifications.show({ color: 'red', title: t('export.failed'), message: describe(error).detail }),
      },
    );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('templates.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('templates.description')}
        </Text>
        {filtered && <Text size="sm">{t('templates.filtered')}</Text>}
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
            loading={template.isPending}
            onClick={() =>
              template.mutate(entity, {
                onSuccess: (name) =>
                  notifications.show({ color: 'teal', message: t('templates.downloaded', { name }) }),
                onError: (error) =>
                  notifications.show({ color: 'red', title: t('templates.failed'), message: describe(error).detail }),
              })
            }
          >
            {t('templates.empty')}
          </Button>
          <Can permission="transfer:export">
            {EXPORT_KINDS.map((kind) => (
              <Button
                key={kind}
                variant="default"
                leftSection={<IconFileExport size={18} aria-hidden />}
                loading={createExport.isPending && createExport.variables.kind === kind}
                onClick={() => startExport(kind)}
              >
                {t(`templates.${kind}`)}
              </Button>
            ))}
          </Can>
        </Group>
        {jobs.map(({ jobId, kind }) => (
          <ExportJob key={jobId} jobId={jobId} label={t(`templates.${kind}`)} />
        ))}
      </Stack>
    </Paper>
  );
}
