import { Anchor, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { JobProgress } from '@/components/jobs/JobProgress';
import { useJob } from '@/lib/jobs/useJob';
import { useTransferTranslation } from '../i18n';

/**
 * An export running in the worker: its progress, then the zip's link. The link is signed by
 * the API (it is its own credential, valid 24 h), so a plain link downloads it.
 */
export function ExportJob({ jobId, label }: { jobId: string; label: string }) {
  const { t } = useTransferTranslation();
  const job = useJob(jobId);
  const result = job.data?.result;
  const url = typeof result?.download_url === 'string' ? result.download_url : null;
  return (
    <JobProgress job={job.data} label={t('export.running', { kind: label })}>
      {url && (
        <>
          <Text size="sm">
            {t('export.ready', { rows: Number(result?.rows ?? 0), files: Number(result?.files ?? 0) })}
          </Text>
          <Anchor href={url} download fw={500}>
            <IconDownload size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> {t('export.download')}
          </Anchor>
        </>
      )}
    </JobProgress>
  );
}
