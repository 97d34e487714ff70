import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { DataTable } from '@/components/data-table/DataTable';
import { keysetTableState } from '@/components/data-table/keyset';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { useCan } from '@/lib/permissions/usePermissions';
import { useAlerts, useCreateAlert, useDeleteAlert, useUpdateAlert, type Alert } from '../api/alerts';
import { PRIORITIES, type Priority } from '../api/comments';
import { useContactsTranslation } from '../i18n';
import { RowActions } from './RowActions';
import { useActionFailed } from '../hooks/useActionFailed';

function AlertForm({ contactId }: { contactId: string }) {
  const { t } = useContactsTranslation();
  const create = useCreateAlert(contactId);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { type: '', priority: 'normal' as Priority, description: '' },
  });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    create.mutate({ ...values, active: true }, { onSuccess: () => form.reset(), onError: report });
  });
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('sections.alerts.type')}
              placeholder={t('sections.alerts.typePlaceholder')}
              maxLength={50}
              key={form.key('type')}
              {...form.getInputProps('type')}
            />
            <NativeSelect
              label={t('sections.priority')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`sections.priorities.${p}`) }))}
              key={form.key('priority')}
              {...form.getInputProps('priority')}
            />
            <TextInput
              label={t('sections.alerts.description')}
              maxLength={1000}
              key={form.key('description')}
              {...form.getInputProps('description')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('sections.alerts.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function AlertsTab({ contactId }: { contactId: string }) {
  const { t } = useContactsTranslation();
  const canWrite = useCan('contacts:write');
  const query = useAlerts(contactId);
  const update = useUpdateAlert(contactId);
  const remove = useDeleteAlert(contactId);
  const failed = useActionFailed();
  return (
    <>
      {canWrite && <AlertForm contactId={contactId} />}
      <DataTable<Alert>
        {...keysetTableState(query)}
        caption={t('record.tabs.alerts')}
        rowKey={(a) => a.id}
        empty={<EmptyState title={t('sections.alerts.empty')} />}
        columns={[
          { key: 'type', header: t('sections.alerts.type'), cell: (a) => a.type },
          {
            key: 'priority',
            header: t('sections.priority'),
            cell: (a) => (
              <Badge variant="light" color={a.priority === 'urgent' || a.priority === 'high' ? 'red' : 'blue'}>
                {t(`sections.priorities.${a.priority}`)}
              </Badge>
            ),
          },
          { key: 'description', header: t('sections.alerts.description'), cell: (a) => a.description },
          {
            key: 'active',
            header: t('sections.alerts.active'),
            cell: (a) => (
              <Switch
                checked={a.active}
                disabled={!canWrite}
                aria-label={t('sections.alerts.activeOf', { type: a.type })}
                onChange={(event) =>
                  update.mutate({ id: a.id, changes: { active: event.currentTarget.checked } }, { onError: failed })
                }
              />
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('sections.actions'),
                  align: 'right' as const,
                  width: 64,
                  cell: (a: Alert) => (
                    <RowActions
                      actions={[
                        {
                          label: t('sections.delete'),
                          icon: <IconTrash size={18} aria-hidden />,
                          color: 'red',
                          onClick: () => remove.mutate(a.id, { onError: failed }),
                        },
                      ]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
