import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { DataTable } from '@/components/data-table/DataTable';
import { keysetTableState } from '@/components/data-table/keyset';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { useCan } from '@/lib/permissions/usePermissions';
import { useCreateNote, useDeleteNote, useNotes, type Note } from '../api/notes';
import { useContactsTranslation } from '../i18n';
import { formatDate } from './format';
import { RowActions } from './RowActions';
import { useActionFailed } from '../hooks/useActionFailed';

/** "piel, hidratación" → ["piel", "hidratación"]. */
function keywordList(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
}

function NoteForm({ contactId }: { contactId: string }) {
  const { t } = useContactsTranslation();
  const create = useCreateNote(contactId);
  const form = useForm({ mode: 'uncontrolled', initialValues: { body: '', category: '', keywords: '' } });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    create.mutate(
      { body: values.body, category: values.category.trim() || null, keywords: keywordList(values.keywords) },
      { onSuccess: () => form.reset(), onError: report },
    );
  });
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          <Textarea
            label={t('sections.notes.body')}
            autosize
            minRows={2}
            maxLength={10000}
            key={form.key('body')}
            {...form.getInputProps('body')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('sections.notes.category')}
              maxLength={100}
              key={form.key('category')}
              {...form.getInputProps('category')}
            />
            <TextInput
              label={t('sections.notes.keywords')}
              description={t('sections.notes.keywordsHint')}
              key={form.key('keywords')}
              {...form.getInputProps('keywords')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('sections.notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function NotesTab({ contactId }: { contactId: string }) {
  const { t, i18n } = useContactsTranslation();
  const canWrite = useCan('contacts:write');
  const query = useNotes(contactId);
  const remove = useDeleteNote(contactId);
  const failed = useActionFailed();
  return (
    <>
      {canWrite && <NoteForm contactId={contactId} />}
      <DataTable<Note>
        {...keysetTableState(query)}
        caption={t('record.tabs.notes')}
        rowKey={(n) => n.id}
        empty={<EmptyState title={t('sections.notes.empty')} />}
        columns={[
          {
            key: 'body',
            header: t('sections.notes.body'),
            cell: (n) => (
              <Stack gap={4}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.body}
                </Text>
                {n.keywords.length > 0 && (
                  <Group gap={4}>
                    {n.keywords.map((word) => (
                      <Badge key={word} size="xs" variant="outline">
                        {word}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Stack>
            ),
          },
          { key: 'category', header: t('sections.notes.category'), visibleFrom: 'sm', cell: (n) => n.category ?? '—' },
          {
            key: 'date',
            header: t('sections.date'),
            visibleFrom: 'sm',
            width: 140,
            cell: (n) => formatDate(n.noted_on, i18n.language),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('sections.actions'),
                  align: 'right' as const,
                  width: 64,
                  cell: (n: Note) => (
                    <RowActions
                      actions={[
                        {
                          label: t('sections.delete'),
                          icon: <IconTrash size={18} aria-hidden />,
                          color: 'red',
                          onClick: () => remove.mutate(n.id, { onError: failed }),
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
