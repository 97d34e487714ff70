import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconFileSpreadsheet, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keysetTableState } from '@/components/data-table/keyset';
import { PageHeader } from '@/components/page/PageHeader';
import { useSelection } from '@/components/selection/useSelection';
import { EmptyState } from '@/components/states/EmptyState';
import { Can } from '@/lib/permissions/Can';
import { useCan } from '@/lib/permissions/usePermissions';
import { useContactMetrics } from '../api/contactMetrics';
import { criteriaOf, type ContactKind } from '../api/keys';
import { useListContacts } from '../api/listContacts';
import { useContactFilters } from '../hooks/useContactFilters';
import { useContactsTranslation } from '../i18n';
import { BulkActions } from './BulkActions';
import { ContactCreateDrawer } from './ContactCreateDrawer';
import { ContactFiltersBar } from './ContactFiltersBar';
import { ContactMetricsHeader } from './ContactMetricsHeader';
import { ContactsTable } from './ContactsTable';

/**
 * Customers (`/customers`) and leads (`/leads`): one screen, the kind fixed by the route. The
 * metrics, the selection's "all matching" and the bulk actions all use the list's filters.
 */
export function ContactsPage({ kind }: { kind: ContactKind }) {
  const { t } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const filters = useContactFilters(kind);
  const criteria = useMemo(() => criteriaOf(filters.queryFilters), [filters.queryFilters]);
  const query = useListContacts(filters.queryFilters);
  const metrics = useContactMetrics(criteria);
  const canBulk = useCan('contacts:bulk');
  const selection = useSelection(JSON.stringify(criteria));
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const table = keysetTableState(query);
  const shownIds = table.rows.map((row) => row.id);
  const trashed = filters.values.trashed;
  // The import/export screen takes the list's filter, so "export" means "export this list".
  const transferLink = `/transfer?${new URLSearchParams({ entity: 'contacts', filter: JSON.stringify(criteria) })}`;

  const createButton = (
    <Button onClick={openCreate} leftSection={<IconPlus size={18} aria-hidden />}>
      {t(`kinds.${kind}.create`)}
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
  ) : trashed ? (
    <EmptyState title={t('trash.emptyTitle')} description={t('trash.emptyDescription')} />
  ) : (
    <EmptyState
      title={t(`kinds.${kind}.emptyTitle`)}
      description={t(`kinds.${kind}.emptyDescription`)}
      icon={<IconUsers size={28} aria-hidden />}
      action={<Can permission="contacts:write">{createButton}</Can>}
    />
  );

  return (
    <>
      <PageHeader
        title={trashed ? t(`kinds.${kind}.trashTitle`) : t(`kinds.${kind}.title`)}
        description={t(`kinds.${kind}.description`)}
        actions={
          <Group gap="xs">
            <Can permission="transfer:export">
              <Button
                component={Link}
                to={transferLink}
                variant="default"
                leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              >
                {t('transferLink')}
              </Button>
            </Can>
            {trashed ? (
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={18} aria-hidden />}
                onClick={() => filters.setParam('trashed', '')}
              >
                {t('trash.back')}
              </Button>
            ) : (
              <Can permission="contacts:trash">
                <Button
                  variant="default"
                  leftSection={<IconTrash size={18} aria-hidden />}
                  onClick={() => filters.setParam('trashed', '1')}
                >
                  {t('trash.open')}
                </Button>
              </Can>
            )}
            {!trashed && <Can permission="contacts:write">{createButton}</Can>}
          </Group>
        }
      />
      <ContactMetricsHeader criteria={criteria} />
      <ContactFiltersBar
        values={filters.values}
        onChange={filters.setParam}
        onClear={filters.clear}
        canClear={filters.isFiltered}
      />
      {canBulk && (
        <BulkActions
          selection={selection}
          shownIds={shownIds}
          total={metrics.data?.total_clients}
          criteria={criteria}
          trashed={trashed}
        />
      )}
      <ContactsTable
        {...table}
        caption={t(`kinds.${kind}.tableCaption`)}
        empty={empty}
        {...(canBulk ? { selection } : {})}
      />
      <ContactCreateDrawer kind={kind} opened={creating} onClose={closeCreate} />
    </>
  );
}

export function CustomersPage() {
  return <ContactsPage kind="customer" />;
}

export function LeadsPage() {
  return <ContactsPage kind="lead" />;
}
