import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { DataTable, type DataTableColumn, type DataTableProps } from '@/components/data-table/DataTable';
import type { components } from '@/api/generated/schema';
import { useLocationsTranslation } from '../i18n';

type LocationRead = components['schemas']['LocationRead'];

type TableState = Omit<DataTableProps<LocationRead>, 'caption' | 'columns' | 'rowKey' | 'empty'>;

interface LocationsTableProps extends TableState {
  empty: ReactNode;
  canWrite: boolean;
  onDelete: (location: LocationRead) => void;
}

const dash = (value: string | null) => value || '—';

export function LocationsTable({ canWrite, onDelete, ...state }: LocationsTableProps) {
  const { t } = useLocationsTranslation();
  const { search } = useLocation();

  const columns = useMemo(() => {
    const base: DataTableColumn<LocationRead>[] = [
      {
        key: 'name',
        header: t('columns.name'),
        cell: (location) => (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {location.name}
            </Text>
            {location.street && (
              <Text size="xs" c="dimmed">
                {location.street}
              </Text>
            )}
            {/* On phones the city column is hidden: show the city under the name instead. */}
            {location.city && (
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {location.city}
              </Text>
            )}
          </Stack>
        ),
      },
      { key: 'city', header: t('columns.city'), cell: (l) => dash(l.city), visibleFrom: 'sm' },
      { key: 'state', header: t('columns.state'), cell: (l) => dash(l.state), visibleFrom: 'lg' },
      { key: 'country', header: t('columns.country'), cell: (l) => dash(l.country), visibleFrom: 'md' },
      { key: 'postal', header: t('columns.postalCode'), cell: (l) => dash(l.postal_code), visibleFrom: 'lg' },
    ];
    if (!canWrite) return base;
    const actions: DataTableColumn<LocationRead> = {
      key: 'actions',
      header: t('columns.actions'),
      align: 'right',
      width: 96,
      cell: (location) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={t('actions.edit', { name: location.name })} openDelay={400}>
            <ActionIcon
              component={Link}
              to={{ pathname: location.id, search }}
              variant="subtle"
              aria-label={t('actions.edit', { name: location.name })}
            >
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('actions.delete', { name: location.name })} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => onDelete(location)}
              aria-label={t('actions.delete', { name: location.name })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    };
    return [...base, actions];
  }, [t, canWrite, onDelete, search]);

  return <DataTable {...state} caption={t('tableCaption')} columns={columns} rowKey={(location) => location.id} />;
}
