import { ActionIcon, Anchor, Box, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Notification } from '../api/listNotifications';
import { useNotificationsTranslation } from '../i18n';
import { notificationTarget, notificationTone, TONE_COLOR } from './notificationTone';

interface NotificationItemProps {
  notification: Notification;
  onMarkRead: (id: string) => void;
  onFollow: () => void;
}

/** One notification in the panel: its state colour, text, when, where it leads, and "read". */
export function NotificationItem({ notification, onMarkRead, onFollow }: NotificationItemProps) {
  const { t, i18n } = useNotificationsTranslation();
  const tone = notificationTone(notification);
  const target = notificationTarget(notification);
  const label = notification.action || t('open');
  const when = new Date(notification.created_at).toLocaleString(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const internal = target?.startsWith('/') && !target.startsWith('/api/');

  return (
    <Box
      component="li"
      py={8}
      px="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${TONE_COLOR[tone]}-6)` }}
      bg={notification.read ? undefined : 'indigo.0'}
      data-tone={tone}
      data-read={notification.read}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {tone === 'pending' && <Loader size={12} color="orange" aria-hidden />}
            <Text size="sm" fw={notification.read ? 500 : 700}>
              {notification.title}
            </Text>
          </Group>
          {notification.body && (
            <Text size="xs" c="dimmed" lineClamp={3}>
              {notification.body}
            </Text>
          )}
          {tone !== 'plain' && (
            <Text size="xs" c={`${TONE_COLOR[tone]}.8`}>
              {t(`job.${tone}`)}
              {tone === 'failed' && notification.job?.error ? `: ${notification.job.error}` : ''}
            </Text>
          )}
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {when}
            </Text>
            {target &&
              (internal ? (
                <Anchor component={Link} to={target} size="xs" onClick={onFollow}>
                  {label}
                </Anchor>
              ) : (
                <Anchor href={target} size="xs" download onClick={onFollow}>
                  {label}
                </Anchor>
              ))}
          </Group>
        </Stack>
        {!notification.read && (
          <Tooltip label={t('markRead')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('markReadOf', { title: notification.title })}
              onClick={() => onMarkRead(notification.id)}
            >
              <IconCheck size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Box>
  );
}
