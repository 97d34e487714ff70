import { Button, Group, Menu, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '@/components/jobs/JobProgress';
import { selectionTarget } from '@/components/selection/selection';
import { SelectionBar } from '@/components/selection/SelectionBar';
import type { Selection } from '@/components/selection/useSelection';
import { useDescribeError } from '@/lib/api/describeError';
import { isFinished, useJob } from '@/lib/jobs/useJob';
import { useCan } from '@/lib/permissions/usePermissions';
import { isJobAccepted, useBulkContacts, useRefreshContacts, type BulkAction } from '../api/bulkContacts';
import type { ContactCriteria } from '../api/keys';
import { useOptions, type OptionSource } from '../api/options';
import { useContactsTranslation } from '../i18n';

interface BulkActionsProps {
  selection: Selection;
  shownIds: readonly string[];
  /** How many match the filter (the metrics' count), for "select all matching". */
  total: number | undefined;
  criteria: ContactCriteria;
  trashed: boolean;
}

/** The actions that need one more choice: which group, advisor or project. */
const TARGETED = {
  add_to_group: { source: 'groups', field: 'group_id', title: 'bulk.addToGroup', label: 'bulk.chooseGroup' },
  remove_from_group: { source: 'groups', field: 'group_id', title: 'bulk.removeFromGroup', label: 'bulk.chooseGroup' },
  assign_owner: { source: 'owners', field: 'owner_id', title: 'bulk.assignOwner', label: 'bulk.chooseOwner' },
  associate_project: {
    source: 'projects',
    field: 'project_id',
    title: 'bulk.associateProject',
    label: 'bulk.chooseProject',
  },
} as const satisfies Partial<Record<BulkAction, { source: OptionSource; field: string; title: string; label: string }>>;
type TargetedAction = keyof typeof TARGETED;

/** The bulk actions the API offers, for the rows ticked or for everything matching the filter. */
/**
 * The bar shows while something is selected; the dialogs (group choice, a background job's
 * progress) live outside it, so they stay open after the selection is cleared.
 */
export function BulkActions({ selection, shownIds, total, criteria, trashed }: BulkActionsProps) {
  const { t } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const describe = useDescribeError();
  const bulk = useBulkContacts();
  const refresh = useRefreshContacts();
  const canTrash = useCan('contacts:trash');
  const canPurge = useCan('contacts:purge');
  const canWrite = useCan('contacts:write');
  const [targeted, setTargeted] = useState<TargetedAction | null>(null);
  const [targetId, setTargetId] = useState('');
  const target = targeted ? TARGETED[targeted] : null;
  const choices = useOptions(target?.source ?? 'groups', target !== null);
  const choose = (action: TargetedAction) => {
    setTargetId('');
    setTargeted(action);
  };
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);

  const finished = isFinished(job.data);
  useEffect(() => {
    if (finished) void refresh();
  }, [finished, refresh]);

  const run = (action: BulkAction, extra: Partial<Record<'group_id' | 'owner_id' | 'project_id', string>> = {}) => {
    bulk.mutate(
      { action, ...selectionTarget(selection.state, { ...criteria, trashed }), ...extra },
      {
        onSuccess: (outcome) => {
          selection.clear();
          if (isJobAccepted(outcome)) {
            setJobId(outcome.job_id);
            return;
          }
          notifications.show({
            color: 'teal',
            message: [
              t('bulk.done', { changed: outcome.changed, matched: outcome.matched }),
              outcome.skipped ? t('bulk.skipped', { count: outcome.skipped }) : '',
            ]
              .filter(Boolean)
              .join(' '),
          });
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: t('bulk.failed'), message: describe(error).detail }),
      },
    );
  };

  const confirm = (action: BulkAction, body: string, danger: boolean) =>
    modals.openConfirmModal({
      title: t('bulk.confirmTitle'),
      children: <Text size="sm">{body}</Text>,
      labels: { confirm: t(`bulk.${action === 'purge' ? 'purge' : 'trash'}`), cancel: tc('actions.cancel') },
      confirmProps: { color: danger ? 'red' : undefined },
      cancelProps: { 'data-autofocus': true } as Record<string, unknown>,
      onConfirm: () => run(action),
    });

  return (
    <>
      <SelectionBar selection={selection} shownIds={shownIds} total={total}>
        {trashed ? (
          <Group gap="xs">
            {canTrash && (
              <Button size="compact-sm" onClick={() => run('restore')} loading={bulk.isPending}>
                {t('bulk.restore')}
              </Button>
            )}
            {canPurge && (
              <Button
                size="compact-sm"
                color="red"
                variant="light"
                onClick={() => confirm('purge', t('bulk.confirmPurge'), true)}
              >
                {t('bulk.purge')}
              </Button>
            )}
          </Group>
        ) : (
          <Group gap="xs">
            {canWrite && (
              <>
                <Button size="compact-sm" variant="default" onClick={() => run('activate')} loading={bulk.isPending}>
                  {t('bulk.activate')}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => run('deactivate')} loading={bulk.isPending}>
                  {t('bulk.deactivate')}
                </Button>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button
                      size="compact-sm"
                      variant="default"
                      rightSection={<IconChevronDown size={14} aria-hidden />}
                    >
                      {t('bulk.more')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {(Object.keys(TARGETED) as TargetedAction[]).map((action) => (
                      <Menu.Item key={action} onClick={() => choose(action)}>
                        {t(TARGETED[action].title)}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              </>
            )}
            {canTrash && (
              <Button
                size="compact-sm"
                color="red"
                variant="light"
                onClick={() => confirm('trash', t('bulk.confirmTrash'), false)}
              >
                {t('bulk.trash')}
              </Button>
            )}
          </Group>
        )}
      </SelectionBar>

      <Modal opened={target !== null} onClose={() => setTargeted(null)} title={target ? t(target.title) : ''}>
        <Stack>
          <NativeSelect
            label={target ? t(target.label) : ''}
            value={targetId}
            onChange={(event) => setTargetId(event.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...(choices.data ?? [])]}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setTargeted(null)}>
              {tc('actions.cancel')}
            </Button>
            <Button
              disabled={!targetId}
              onClick={() => {
                if (targeted && target) run(targeted, { [target.field]: targetId });
                setTargeted(null);
              }}
            >
              {t('bulk.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={jobId !== null} onClose={() => setJobId(null)} title={t('bulk.backgroundTitle')}>
        <JobProgress job={job.data} label={t('bulk.background')}>
          {job.data?.result && (
            <Text size="sm">
              {t('bulk.done', {
                changed: Number(job.data.result.changed ?? 0),
                matched: Number(job.data.result.matched ?? 0),
              })}
            </Text>
          )}
        </JobProgress>
      </Modal>
    </>
  );
}
