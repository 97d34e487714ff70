import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useAppTranslation } from '../i18n';

/**
 * The notification center's place in the header. Today it only says there is nothing; when
 * the API offers `/api/v1/notifications` (+ the SSE stream at `/notifications/stream`), this
 * becomes the unread badge and the list, fed by a notifications feature.
 */
export function NotificationBell() {
  const { t } = useAppTranslation();
  return (
    <Popover position="bottom-end" width={300} shadow="md" withinPortal>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('notifications.label')}>
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('notifications.label')}
          </Text>
          <Text size="sm">{t('notifications.empty')}</Text>
          <Text size="xs" c="dimmed">
            {t('notifications.comingSoon')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
