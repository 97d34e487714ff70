import { NavLink, Stack } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { filterByPermission } from '@/lib/permissions/permissions';
import { useGrantedPermissions } from '@/lib/permissions/usePermissions';
import { useAppTranslation } from '../i18n';
import { NAV_ITEMS, type NavItem } from '../navigation';

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useAppTranslation();
  const active = useMatch({ path: item.to, end: item.to === '/' }) !== null;
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={<Icon size={18} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      style={{ borderRadius: 6 }}
    />
  );
}

/** The entries this user may use (hiding only: the API enforces the same permissions). */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useAppTranslation();
  const granted = useGrantedPermissions();
  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap={2}>
        {filterByPermission(NAV_ITEMS, granted).map((item) => (
          <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
        ))}
      </Stack>
    </nav>
  );
}
