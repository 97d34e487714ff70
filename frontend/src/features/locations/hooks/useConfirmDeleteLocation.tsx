import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '@/lib/api/describeError';
import { useDeleteLocation } from '../api/deleteLocation';
import { useLocationsTranslation } from '../i18n';

/** Ask, then delete; the outcome is announced as a notification either way. */
export function useConfirmDeleteLocation() {
  const { t } = useLocationsTranslation();
  const { t: tc } = useTranslation('common');
  const describe = useDescribeError();
  const remove = useDeleteLocation();

  return useCallback(
    (location: { id: string; name: string }) => {
      modals.openConfirmModal({
        title: t('confirmDelete.title'),
        children: <Text size="sm">{t('confirmDelete.body', { name: location.name })}</Text>,
        labels: { confirm: tc('actions.delete'), cancel: tc('actions.cancel') },
        confirmProps: { color: 'red' },
        // Focus starts on Cancel: Enter right after opening must not delete.
        cancelProps: { 'data-autofocus': true } as Record<string, unknown>,
        onConfirm: () =>
          remove.mutate(location.id, {
            onSuccess: () =>
              notifications.show({ color: 'teal', message: t('notify.deleted', { name: location.name }) }),
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: t('notify.deleteFailed', { name: location.name }),
                message: describe(error).detail,
              }),
          }),
      });
    },
    [t, tc, describe, remove],
  );
}
