import { Button, Group, Input, Paper, Rating, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { DataTable } from '@/components/data-table/DataTable';
import { keysetTableState } from '@/components/data-table/keyset';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { useCan } from '@/lib/permissions/usePermissions';
import { useCreateReview, useDeleteReview, useReviews, type Review } from '../api/reviews';
import { useContactsTranslation } from '../i18n';
import { formatDate } from './format';
import { RowActions } from './RowActions';
import { useActionFailed } from '../hooks/useActionFailed';

function ReviewForm({ contactId }: { contactId: string }) {
  const { t } = useContactsTranslation();
  const create = useCreateReview(contactId);
  const form = useForm({ mode: 'controlled', initialValues: { rating: 5, text: '' } });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    create.mutate(
      { rating: values.rating, text: values.text.trim() || null },
      { onSuccess: () => form.reset(), onError: report },
    );
  });
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          <Input.Wrapper label={t('sections.reviews.rating')} error={form.errors.rating}>
            <Rating
              value={form.values.rating}
              onChange={(value) => form.setFieldValue('rating', value)}
              aria-label={t('sections.reviews.rating')}
            />
          </Input.Wrapper>
          <Textarea
            label={t('sections.reviews.text')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('sections.reviews.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ReviewsTab({ contactId }: { contactId: string }) {
  const { t, i18n } = useContactsTranslation();
  const canWrite = useCan('contacts:write');
  const query = useReviews(contactId);
  const remove = useDeleteReview(contactId);
  const failed = useActionFailed();
  return (
    <>
      {canWrite && <ReviewForm contactId={contactId} />}
      <DataTable<Review>
        {...keysetTableState(query)}
        caption={t('record.tabs.reviews')}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t('sections.reviews.empty')} />}
        columns={[
          {
            key: 'rating',
            header: t('sections.reviews.rating'),
            width: 140,
            cell: (r) => (
              <Rating value={r.rating} readOnly aria-label={t('sections.reviews.stars', { count: r.rating })} />
            ),
          },
          { key: 'text', header: t('sections.reviews.text'), cell: (r) => r.text ?? '—' },
          {
            key: 'date',
            header: t('sections.date'),
            visibleFrom: 'sm',
            width: 140,
            cell: (r) => formatDate(r.created_at, i18n.language),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('sections.actions'),
                  align: 'right' as const,
                  width: 64,
                  cell: (r: Review) => (
                    <RowActions
                      actions={[
                        {
                          label: t('sections.delete'),
                          icon: <IconTrash size={18} aria-hidden />,
                          color: 'red',
                          onClick: () => remove.mutate(r.id, { onError: failed }),
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
