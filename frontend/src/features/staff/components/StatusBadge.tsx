import { Badge } from '@mantine/core';
import { useStaffTranslation } from '../i18n';

export function StatusBadge({ status }: { status: 'active' | 'inactive' }) {
  const { t } = useStaffTranslation();
  return (
    <Badge color={status === 'active' ? 'green' : 'gray'} variant="light" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
