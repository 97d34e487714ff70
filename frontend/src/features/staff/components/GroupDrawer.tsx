import { Alert, Button, Divider, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useConfirmAction } from '@/components/confirm/useConfirmAction';
import { RouteDrawer } from '@/components/drawer/RouteDrawer';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useCan } from '@/lib/permissions/usePermissions';
import { useCreateGroup, useDeleteGroup, useGroups, useUpdateGroup, type StaffGroup } from '../api/groups';
import { useStaffTranslation } from '../i18n';
import { GroupMembers } from './GroupMembers';

function GroupForm({ group, onDone }: { group: StaffGroup | undefined; onDone: (created?: StaffGroup) => void }) {
  const { t } = useStaffTranslation();
  const canWrite = useCan('groups:write');
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const remove = useDeleteGroup();
  const confirm = useConfirmAction();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: group?.name ?? '', description: group?.description ?? '', kind: group?.kind ?? 'agents' },
  });
  const { problem, report, reset } = useFormProblem(form, { codeFields: { group_name_taken: 'name' } });
  const submit = form.onSubmit(async (values) => {
    reset();
    try {
      if (group) {
        await update.mutateAsync({ id: group.id, body: { name: values.name, description: values.description } });
        notifications.show({ color: 'teal', message: t('groups.saved', { name: values.name }) });
      } else {
        const created = await create.mutateAsync({ ...values, member_ids: [] });
        notifications.show({ color: 'teal', message: t('groups.saved', { name: values.name }) });
        onDone(created);
      }
    } catch (error) {
      report(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          <TextInput
            label={t('groups.form.name')}
            withAsterisk
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          {!group && (
            <Stack gap={4}>
              <SegmentedControl
                aria-label={t('groups.columns.kind')}
                data={[
                  { value: 'agents', label: t('groups.kinds.agents') },
                  { value: 'specialists', label: t('groups.kinds.specialists') },
                ]}
                key={form.key('kind')}
                {...form.getInputProps('kind')}
              />
            </Stack>
          )}
          <Textarea
            label={t('groups.form.description')}
            autosize
            minRows={2}
            key={form.key('description')}
            {...form.getInputProps('description')}
          />
          {canWrite && (
            <Group justify="space-between">
              {group ? (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    confirm({
                      title: t('groups.deleteTitle'),
                      body: t('groups.deleteBody', { name: group.name }),
                      confirmLabel: t('groups.delete'),
                      danger: true,
                      run: async () => {
                        await remove.mutateAsync(group.id);
                        onDone();
                      },
                      success: t('groups.deleted', { name: group.name }),
                      failure: t('groups.deleteFailed'),
                    })
                  }
                >
                  {t('groups.delete')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={create.isPending || update.isPending}>
                {t('save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** Create (`/staff/groups/new`) or edit (`/staff/groups/:groupId`, with its members) a group. */
export function GroupDrawer() {
  const { t } = useStaffTranslation();
  const { groupId } = useParams();
  const groups = useGroups();
  const canWrite = useCan('groups:write');
  const navigate = useNavigate();
  const backToList = useCallback(() => void navigate('/staff/groups'), [navigate]);
  const group = groupId ? groups.data?.find((candidate) => candidate.id === groupId) : undefined;

  return (
    <RouteDrawer title={group ? group.name : t('groups.create')} onClosed={backToList}>
      {(close) =>
        groups.isPending ? (
          <LoadingState />
        ) : groups.isError ? (
          <ErrorState error={groups.error} />
        ) : groupId && !group ? (
          <Alert color="red">{t('groups.notFound')}</Alert>
        ) : (
          <Stack gap="md">
            <GroupForm
              key={group?.id ?? 'new'}
              group={group}
              onDone={(created) =>
                created ? void navigate(`/staff/groups/${created.id}`, { replace: true }) : close()
              }
            />
            {group && (
              <>
                <Divider />
                <GroupMembers groupId={group.id} canWrite={canWrite} />
              </>
            )}
          </Stack>
        )
      }
    </RouteDrawer>
  );
}
