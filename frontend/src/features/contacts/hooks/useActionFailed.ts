import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useDescribeError } from '@/lib/api/describeError';
import { useContactsTranslation } from '../i18n';

/** A failed row action (delete, pin…) is told as a notification; forms show theirs inline. */
export function useActionFailed() {
  const { t } = useContactsTranslation();
  const describe = useDescribeError();
  return useCallback(
    (error: unknown) =>
      notifications.show({ color: 'red', title: t('record.actionFailed'), message: describe(error).detail }),
    [t, describe],
  );
}
