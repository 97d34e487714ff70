import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconPin, IconPinnedOff, IconTrash } from '@tabler/icons-react';
import { useConfirmAction } from '@/components/confirm/useConfirmAction';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import {
  useCreateComment,
  useDeleteComment,
  useUpdateComment,
  useUserComments,
  type StaffComment,
  type StaffCommentCreate,
} from '../api/comments';
import { useStaffTranslation } from '../i18n';

const PRIORITY_COLOR = { low: 'gray', normal: 'blue', high: 'red' } as const;

function NewCommentForm({ userId }: { userId: string }) {
  const { t } = useStaffTranslation();
  const create = useCreateComment(userId);
  const form = useForm<StaffCommentCreate>({
    mode: 'uncontrolled',
    initialValues: { body: '', priority: 'normal', private: false, pinned: false },
  });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    create.mutate(values, { onSuccess: () => form.reset(), onError: report });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormAlert problem={problem} />
        <Textarea
          label={t('comments.body')}
          autosize
          minRows={2}
          withAsterisk
          key={form.key('body')}
          {...form.getInputProps('body')}
        />
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('comments.priority')}
            data={(['low', 'normal', 'high'] as const).map((value) => ({
              value,
              label: t(`comments.priorities.${value}`),
            }))}
            allowDeselect={false}
            w={160}
            key={form.key('priority')}
            {...form.getInputProps('priority')}
          />
          <Checkbox
            label={t('comments.private')}
            key={form.key('private')}
            {...form.getInputProps('private', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('comments.pinned')}
            key={form.key('pinned')}
            {...form.getInputProps('pinned', { type: 'checkbox' })}
          />
          <Button type="submit" loading={create.isPending}>
            {t('comments.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommentCard({ userId, comment }: { userId: string; comment: StaffComment }) {
  const { t, i18n } = useStaffTranslation();
  const update = useUpdateComment(userId);
  const remove = useDeleteComment(userId);
  const confirm = useConfirmAction();
  const author = comment.author
    ? `${comment.author.first_name} ${comment.author.last_name}`.trim()
    : t('comments.unknownAuthor');
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {author}
            </Text>
            <Text size="xs" c="dimmed">
              {new Date(comment.created_at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
            </Text>
            <Badge size="xs" variant="light" color={PRIORITY_COLOR[comment.priority]}>
              {t(`comments.priorities.${comment.priority}`)}
            </Badge>
            {comment.pinned && (
              <Badge size="xs" variant="light" color="yellow">
                {t('comments.pinned')}
              </Badge>
            )}
            {comment.private && (
              <Badge size="xs" variant="light" color="gray" leftSection={<IconLock size={10} aria-hidden />}>
                {t('comments.private')}
              </Badge>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {comment.body}
          </Text>
        </Stack>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={comment.pinned ? t('comments.unpin') : t('comments.pin')}>
            <ActionIcon
              variant="subtle"
              aria-label={comment.pinned ? t('comments.unpin') : t('comments.pin')}
              onClick={() => update.mutate({ id: comment.id, body: { pinned: !comment.pinned } })}
            >
              {comment.pinned ? <IconPinnedOff size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('comments.delete')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('comments.delete')}
              onClick={() =>
                confirm({
                  title: t('comments.deleteTitle'),
                  body: t('comments.deleteBody'),
                  confirmLabel: t('comments.delete'),
                  danger: true,
                  run: () => remove.mutateAsync(comment.id),
                  success: t('comments.deleted'),
                  failure: t('comments.deleteFailed'),
                })
              }
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}

/** Comments on the user: add (priority, private, pinned), pin/unpin, delete. */
export function CommentsTab({ userId }: { userId: string }) {
  const { t } = useStaffTranslation();
  const comments = useUserComments(userId);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md" maw={760}>
      <NewCommentForm userId={userId} />
      {comments.isPending ? (
        <LoadingState />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('comments.empty')} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tabs.comments')}>
          {items.map((comment) => (
            <CommentCard key={comment.id} userId={userId} comment={comment} />
          ))}
        </Stack>
      )}
      {comments.hasNextPage && (
        <Button variant="subtle" loading={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
          {t('loadMore')}
        </Button>
      )}
    </Stack>
  );
}
