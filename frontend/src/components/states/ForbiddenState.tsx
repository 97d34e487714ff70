import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

/** Shown on a screen the user's permissions do not cover (the API would refuse it anyway). */
export function ForbiddenState() {
  const { t } = useTranslation('common');
  return (
    <EmptyState
      title={t('states.forbiddenTitle')}
      description={t('states.forbiddenDescription')}
      icon={<IconLock size={28} aria-hidden />}
    />
  );
}
