import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPin, IconPinnedOff, IconTrash } from '@tabler/icons-react';
import { DataTable } from '@/components/data-table/DataTable';
import { keysetTableState } from '@/components/data-table/keyset';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { useCan } from '@/lib/permissions/usePermissions';
import {
  PRIORITIES,
  useComments,
  useCreateComment,
  useDeleteComment,
  useUpdateComment,
  type Comment,
  type Priority,
} from '../api/comments';
import { useContactsTranslation } from '../i18n';
import { formatDateTime } from './format';
import { RowActions } from './RowActions';
import { useActionFailed } from '../hooks/useActionFailed';

const PRIORITY_COLORS: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

function CommentForm({ contactId }: { contactId: string }) {
  const { t } = useContactsTranslation();
  const create = useCreateComment(contactId);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { body: '', priority: 'normal' as Priority, private: false, pinned: false },
  });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    create.mutate(values, { onSuccess: () => form.reset(), onError: report });
  });
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          <Textarea
            label={t('sections.comments.body')}
            autosize
            minRows={2}
            maxLength={5000}
            key={form.key('body')}
            {...form.getInputProps('body')}
          />
          <Group gap="md" align="flex-end">
            <NativeSelect
              label={t('sections.priority')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`sections.priorities.${p}`) }))}
              key={form.key('priority')}
              {...form.getInputProps('priority')}
            />
            <Checkbox
              label={t('sections.comments.private')}
              key={form.key('private')}
              {...form.getInputProps('private', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('sections.comments.pinned')}
              key={form.key('pinned')}
              {...form.getInputProps('pinned', { type: 'checkbox' })}
            />
            <Button type="submit" loading={create.isPending} ml="auto">
              {t('sections.comments.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Comments: pinned first (the API orders them), private ones only for their author and administrators. */
export function CommentsTab({ contactId }: { contactId: string }) {
  const { t, i18n } = useContactsTranslation();
  const canWrite = useCan('contacts:write');
  const query = useComments(contactId);
  const update = useUpdateComment(contactId);
  const remove = useDeleteComment(contactId);
  const failed = useActionFailed();
  return (
    <>
      {canWrite && <CommentForm contactId={contactId} />}
      <DataTable<Comment>
        {...keysetTableState(query)}
        caption={t('record.tabs.comments')}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t('sections.comments.empty')} />}
        columns={[
          {
            key: 'body',
            header: t('sections.comments.body'),
            cell: (c) => (
              <Stack gap={4}>
                <Group gap={6}>
                  {c.pinned && (
                    <Badge size="xs" variant="light" leftSection={<IconPin size={10} aria-hidden />}>
                      {t('sections.comments.pinnedBadge')}
                    </Badge>
                  )}
                  {c.private && (
                    <Badge size="xs" variant="light" color="grape">
                      {t('sections.comments.privateBadge')}
                    </Badge>
                  )}
                  <Badge size="xs" variant="dot" color={PRIORITY_COLORS[c.priority]}>
                    {t(`sections.priorities.${c.priority}`)}
                  </Badge>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'date',
            header: t('sections.date'),
            visibleFrom: 'sm',
            width: 180,
            cell: (c) => formatDateTime(c.created_at, i18n.language),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('sections.actions'),
                  align: 'right' as const,
                  width: 96,
                  cell: (c: Comment) => (
                    <RowActions
                      actions={[
                        {
                          label: c.pinned ? t('sections.comments.unpin') : t('sections.comments.pin'),
                          icon: c.pinned ? <IconPinnedOff size={18} aria-hidden /> : <IconPin size={18} aria-hidden />,
                          onClick: () =>
                            update.mutate({ id: c.id, changes: { pinned: !c.pinned } }, { onError: failed }),
                        },
                        {
                          label: t('sections.delete'),
                          icon: <IconTrash size={18} aria-hidden />,
                          color: 'red',
                          onClick: () => remove.mutate(c.id, { onError: failed }),
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
