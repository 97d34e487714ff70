import { Button, Checkbox, FileInput, Group, Paper, Radio, Stack, Stepper, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useReducer } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import type { FormProblem } from '@/components/forms/useFormProblem';
import { JobProgress } from '@/components/jobs/JobProgress';
import { useCreateImport } from '../api/createImport';
import { IMPORT_MODES, type Entity } from '../api/entities';
import { importFinished, useReadImport } from '../api/readImport';
import { acceptsFile, INITIAL_WIZARD, stepIndex, wizardReducer } from '../hooks/importWizard';
import { useTransferTranslation } from '../i18n';
import { ImportResult } from './ImportResult';

/** Upload → options (mode, dry run) → progress → result with counts and the error workbook. */
export function ImportWizard({ entity }: { entity: Entity }) {
  const { t } = useTransferTranslation();
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_WIZARD);
  const upload = useCreateImport();
  const run = useReadImport(state.importId);
  const finished = importFinished(run.data);
  const active = stepIndex(state, finished);
  const refused = state.file !== null && !acceptsFile(state.file);
  const problem: FormProblem | null = upload.error ? { error: upload.error, onFields: false, unmatched: [] } : null;

  const start = () => {
    if (!state.file) return;
    upload.mutate(
      { file: state.file, entity, mode: state.mode, dryRun: state.dryRun },
      { onSuccess: (accepted) => dispatch({ type: 'started', importId: accepted.id }) },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('import.title')}
        </Title>
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('import.steps.file')} description={t('import.steps.fileDescription')}>
            <Stack gap="sm" mt="sm">
              <FileInput
                label={t('import.file')}
                placeholder={t('import.filePlaceholder')}
                description={t('import.fileHint')}
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                leftSection={<IconUpload size={16} aria-hidden />}
                value={state.file}
                onChange={(file) => dispatch({ type: 'file', file })}
                error={refused ? t('import.fileRefused') : undefined}
                clearable
              />
              <Group justify="flex-end">
                <Button disabled={!acceptsFile(state.file)} onClick={() => dispatch({ type: 'next' })}>
                  {t('import.next')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.options')} description={t('import.steps.optionsDescription')}>
            <Stack gap="sm" mt="sm">
              <FormAlert problem={problem} />
              <Radio.Group
                label={t('import.mode')}
                value={state.mode}
                onChange={(mode) => dispatch({ type: 'mode', mode: mode })}
              >
                <Stack gap={6} mt={6}>
                  {IMPORT_MODES.map((mode) => (
                    <Radio key={mode} value={mode} label={t(`import.modes.${mode}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Checkbox
                label={t('import.dryRun')}
                description={t('import.dryRunHint')}
                checked={state.dryRun}
                onChange={(event) => dispatch({ type: 'dryRun', dryRun: event.currentTarget.checked })}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => dispatch({ type: 'back' })} disabled={upload.isPending}>
                  {t('import.back')}
                </Button>
                <Button onClick={start} loading={upload.isPending}>
                  {t('import.start')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.progress')} description={t('import.steps.progressDescription')}>
            <Stack mt="sm">
              <JobProgress
                job={
                  run.data
                    ? {
                        status: run.data.status,
                        progress: run.data.total_rows
                          ? Math.round((100 * run.data.rows_read) / run.data.total_rows)
                          : 0,
                        error: null,
                      }
                    : undefined
                }
                label={t('import.running', { name: state.file?.name ?? '' })}
              />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.result')} description={t('import.steps.resultDescription')}>
            {run.data && (
              <Stack mt="sm">
                <ImportResult run={run.data} />
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Completed>{null}</Stepper.Completed>
        </Stepper>
        {finished && run.data && (
          <Group>
            {run.data.dry_run && run.data.status === 'completed' && (
              <Button onClick={() => dispatch({ type: 'again' })}>{t('import.applyForReal')}</Button>
            )}
            <Button
              variant="default"
              onClick={() => {
                upload.reset();
                dispatch({ type: 'restart' });
              }}
            >
              {t('import.again')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
