import { Button } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { keysetTableState } from '@/components/data-table/keyset';
import { PageHeader } from '@/components/page/PageHeader';
import { EmptyState } from '@/components/states/EmptyState';
import { Can } from '@/lib/permissions/Can';
import { useCan } from '@/lib/permissions/usePermissions';
import { useListLocations } from '../api/listLocations';
import { useConfirmDeleteLocation } from '../hooks/useConfirmDeleteLocation';
import { useLocationFilters } from '../hooks/useLocationFilters';
import { useLocationsTranslation } from '../i18n';
import { LocationFiltersBar } from './LocationFiltersBar';
import { LocationsTable } from './LocationsTable';

/**
 * The reference list screen: filters in the URL, keyset "load more", the three list states,
 * and create/edit in a drawer routed under the list (`/locations/new`, `/locations/:id`), so
 * Back closes it and the list keeps its filters and scroll.
 */
export function LocationsPage() {
  const { t } = useLocationsTranslation();
  const { t: tc } = useTranslation('common');
  const { search } = useLocation();
  const filters = useLocationFilters();
  const query = useListLocations(filters.queryFilters);
  const canWrite = useCan('locations:write');
  const confirmDelete = useConfirmDeleteLocation();

  const createButton = (
    <Button component={Link} to={{ pathname: 'new', search }} leftSection={<IconPlus size={18} aria-hidden />}>
      {t('create')}
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
    <EmptyState
      title={t('empty.title')}
      description={t('empty.description')}
      icon={<IconMapPin size={28} aria-hidden />}
      action={<Can permission="locations:write">{createButton}</Can>}
    />
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<Can permission="locations:write">{createButton}</Can>}
      />
      <LocationFiltersBar
        values={filters.values}
        onChange={filters.setFilter}
        onClear={filters.clear}
        canClear={filters.isFiltered || filters.values.sort !== 'name'}
      />
      <LocationsTable {...keysetTableState(query)} empty={empty} canWrite={canWrite} onDelete={confirmDelete} />
      <Outlet />
    </>
  );
}
