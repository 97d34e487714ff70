import { ActionIcon, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconChecks, IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { Can } from '@/lib/permissions/Can';
import { useMarkAllNotificationsRead } from '../api/markAllRead';
import { useMarkNotificationRead } from '../api/markRead';
import { useNotifications } from '../api/listNotifications';
import { useNotificationStream } from '../hooks/useNotificationStream';
import { useNotificationsTranslation } from '../i18n';
import { BroadcastModal } from './BroadcastModal';
import { NotificationItem } from './NotificationItem';

/** The header's bell: the unread count, live over the stream, and the notification panel. */
export function NotificationBell() {
  const { t } = useNotificationsTranslation();
  const { t: tc } = useTranslation('common');
  const [opened, panel] = useDisclosure(false);
  const [composing, composer] = useDisclosure(false);
  useNotificationStream();
  const inbox = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const unread = inbox.data?.pages[0]?.unread_count ?? 0;
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Popover
      opened={opened}
      onChange={panel.toggle}
      position="bottom-end"
      width="min(400px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" offset={6} disabled={unread === 0}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={panel.toggle}
            aria-label={unread > 0 ? t('labelUnread', { count: unread }) : t('label')}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t('label')} role="dialog">
        <Group justify="space-between" px="sm" py={8} wrap="nowrap">
          <Text fw={600} size="sm">
            {t('label')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={unread === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            {t('markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah="min(420px, 70dvh)">
          {inbox.isPending ? (
            <LoadingState minHeight={120} />
          ) : inbox.isError ? (
            <Box p="sm">
              <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
            </Box>
          ) : items.length === 0 ? (
            <EmptyState title={t('empty')} description={t('emptyHint')} />
          ) : (
            <Stack component="ul" gap={1} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('label')}>
              {items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onMarkRead={(id) => markRead.mutate(id)}
                  onFollow={panel.close}
                />
              ))}
            </Stack>
          )}
          {inbox.hasNextPage && (
            <Group justify="center" p="xs">
              <Button
                size="compact-sm"
                variant="subtle"
                loading={inbox.isFetchingNextPage}
                onClick={() => void inbox.fetchNextPage()}
              >
                {tc('actions.loadMore')}
              </Button>
            </Group>
          )}
        </ScrollArea.Autosize>
        <Can permission="notifications:broadcast">
          <Box p="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Button
              size="compact-sm"
              variant="subtle"
              fullWidth
              leftSection={<IconSpeakerphone size={14} aria-hidden />}
              onClick={() => {
                panel.close();
                composer.open();
              }}
            >
              {t('broadcast.open')}
            </Button>
          </Box>
        </Can>
      </Popover.Dropdown>
      <BroadcastModal opened={composing} onClose={composer.close} />
    </Popover>
  );
}
