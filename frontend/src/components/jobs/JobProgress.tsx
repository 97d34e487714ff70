import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Job } from '@/lib/jobs/useJob';
import { useComponentsTranslation } from '../i18n';

interface JobProgressProps {
  job: Pick<Job, 'status' | 'progress' | 'error'> | undefined;
  /** What the job does, e.g. "Exportando clientes". */
  label: string;
  /** Shown once the job completed (a download link, the counts…). */
  children?: ReactNode;
}

/** A background job's state as a labelled progress bar; its error when it failed. */
export function JobProgress({ job, label, children }: JobProgressProps) {
  const { t } = useComponentsTranslation();
  const status = job?.status ?? 'pending';
  const progress = status === 'completed' ? 100 : Math.max(0, Math.min(100, job?.progress ?? 0));
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {t(`jobs.status.${status}`)} · {t('jobs.progress', { progress })}
        </Text>
      </Group>
      <Progress
        value={progress}
        color={status === 'failed' ? 'red' : status === 'completed' ? 'teal' : 'orange'}
        animated={status === 'pending' || status === 'running'}
        aria-label={`${t('jobs.progressLabel')}: ${label}`}
        size="lg"
      />
      {status === 'failed' && job?.error && (
        <Alert color="red" variant="light" role="alert">
          {job.error}
        </Alert>
      )}
      {status === 'completed' && children}
    </Stack>
  );
}
