import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '@/lib/api/describeError';

export interface ConfirmActionOptions {
  title: string;
  body: string;
  confirmLabel: string;
  /** Red confirm button (deleting, revoking, deactivating). */
  danger?: boolean;
  run: () => Promise<unknown>;
  /** Announced when `run` succeeds. */
  success: string;
  /** Title of the notification when it fails (the API's detail is the message). */
  failure: string;
}

/**
 * Ask before an action that is hard to undo, then run it and announce the outcome as a
 * notification. Focus starts on Cancel, so Enter right after opening does nothing harmful.
 */
export function useConfirmAction() {
  const { t } = useTranslation('common');
  const describe = useDescribeError();
  return useCallback(
    (options: ConfirmActionOptions) => {
      modals.openConfirmModal({
        title: options.title,
        children: <Text size="sm">{options.body}</Text>,
        labels: { confirm: options.confirmLabel, cancel: t('actions.cancel') },
        confirmProps: options.danger ? { color: 'red' } : {},
        cancelProps: { 'data-autofocus': true } as Record<string, unknown>,
        onConfirm: () =>
          void options.run().then(
            () => notifications.show({ color: 'teal', message: options.success }),
            (error: unknown) =>
              notifications.show({ color: 'red', title: options.failure, message: describe(error).detail }),
          ),
      });
    },
    [t, describe],
  );
}
