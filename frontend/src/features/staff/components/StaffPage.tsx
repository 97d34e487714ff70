import { Button } from '@mantine/core';
import { IconShieldCheck, IconUserPlus, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { keysetTableState } from '@/components/data-table/keyset';
import { PageHeader } from '@/components/page/PageHeader';
import { EmptyState } from '@/components/states/EmptyState';
import { Can } from '@/lib/permissions/Can';
import { useCan } from '@/lib/permissions/usePermissions';
import { useListUsers } from '../api/users';
import { useStaffFilters } from '../hooks/useStaffFilters';
import { useStaffTranslation } from '../i18n';
import { StaffFiltersBar } from './StaffFiltersBar';
import { StaffTable } from './StaffTable';

/** Staff: search and filters in the URL, keyset "load more", invite in a routed drawer. */
export function StaffPage() {
  const { t } = useStaffTranslation();
  const { t: tc } = useTranslation('common');
  const { search } = useLocation();
  const filters = useStaffFilters();
  const query = useListUsers(filters.queryFilters);
  const canReadRoles = useCan('roles:read');
  const canReadGroups = useCan('groups:read');

  const inviteButton = (
    <Button component={Link} to={{ pathname: 'new', search }} leftSection={<IconUserPlus size={18} aria-hidden />}>
      {t('invite.open')}
    </Button>
  );
  const empty = filters.isFiltered ? (
    <EmptyState
      title={tc('states.noMatchesTitle')}
      description={tc('states.noMatchesDescription')}
      action={
        <Button variant="default" onClick={filters.clear}>
          {tc('actions.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyState title={t('empty.title')} icon={<IconUsers size={28} aria-hidden />} />
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Can permission="roles:read">
              <Button
                component={Link}
                to="/staff/roles"
                variant="default"
                leftSection={<IconShieldCheck size={18} aria-hidden />}
              >
                {t('roles.title')}
              </Button>
            </Can>
            <Can permission="groups:read">
              <Button
                component={Link}
                to="/staff/groups"
                variant="default"
                leftSection={<IconUsersGroup size={18} aria-hidden />}
              >
                {t('groups.title')}
              </Button>
            </Can>
            <Can permission="users:write">{inviteButton}</Can>
          </>
        }
      />
      <StaffFiltersBar
        values={filters.values}
        onChange={filters.setFilter}
        onClear={filters.clear}
        canClear={filters.isFiltered}
        canReadRoles={canReadRoles}
        canReadGroups={canReadGroups}
      />
      <StaffTable {...keysetTableState(query)} empty={empty} />
      <Outlet />
    </>
  );
}
