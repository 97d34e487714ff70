import { Badge, Button, Center, Group, Text, Timeline } from '@mantine/core';
import { IconHistory, IconMessage, IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { keysetTableState } from '@/components/data-table/keyset';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useTimeline, type TimelineItem } from '../api/timeline';
import { useContactsTranslation } from '../i18n';
import { formatDateTime } from './format';

const ICONS = { event: IconHistory, comment: IconMessage, note: IconNote } as const;

function changedFields(item: TimelineItem): string {
  return item.changes ? Object.keys(item.changes).join(', ') : '';
}

/** Audit events, comments and notes as one feed, newest first. */
export function TimelineTab({ contactId }: { contactId: string }) {
  const { t, i18n } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const state = keysetTableState(useTimeline(contactId));
  if (state.loading) return <LoadingState />;
  if (state.error && state.rows.length === 0) return <ErrorState error={state.error} onRetry={state.onRetry} />;
  if (state.rows.length === 0) return <EmptyState title={t('sections.timeline.empty')} />;
  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} aria-label={t('record.tabs.timeline')}>
        {state.rows.map((item) => {
          const Icon = ICONS[item.kind];
          return (
            <Timeline.Item
              key={`${item.kind}-${item.id}`}
              bullet={<Icon size={14} aria-hidden />}
              title={
                <Group gap="xs">
                  <Badge size="xs" variant="light">
                    {t(`sections.timeline.kinds.${item.kind}`)}
                  </Badge>
                  {item.action && (
                    <Text size="sm" fw={500}>
                      {item.action}
                    </Text>
                  )}
                </Group>
              }
            >
              {item.body && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.body}
                </Text>
              )}
              {item.changes && Object.keys(item.changes).length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('sections.timeline.changed', { fields: changedFields(item) })}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={2}>
                {formatDateTime(item.occurred_at, i18n.language)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {state.hasMore && (
        <Center mt="md">
          <Button variant="default" onClick={state.onLoadMore} loading={state.loadingMore}>
            {tc('actions.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
