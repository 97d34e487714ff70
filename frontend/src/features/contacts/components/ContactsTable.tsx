import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn, type DataTableProps } from '@/components/data-table/DataTable';
import { useComponentsTranslation } from '@/components/i18n';
import { selectionColumn } from '@/components/selection/selectionColumn';
import type { Selection } from '@/components/selection/useSelection';
import type { ContactListItem } from '../api/keys';
import { useContactsTranslation } from '../i18n';
import { formatDate, formatMoney, formatRating, fullName } from './format';

type TableState = Omit<DataTableProps<ContactListItem>, 'caption' | 'columns' | 'rowKey' | 'empty'>;

interface ContactsTableProps extends TableState {
  caption: string;
  empty: ReactNode;
  /** Absent when the user may not act on several at once. */
  selection?: Selection;
}

const dash = (value: string | null) => value || '—';

export function ContactsTable({ caption, selection, ...state }: ContactsTableProps) {
  const { t, i18n } = useContactsTranslation();
  const { t: tcomp } = useComponentsTranslation();
  const language = i18n.language;
  const shownIds = useMemo(() => state.rows.map((row) => row.id), [state.rows]);

  const columns = useMemo(() => {
    const base: DataTableColumn<ContactListItem>[] = [
      {
        key: 'name',
        header: t('columns.name'),
        cell: (contact) => (
          <Stack gap={0}>
            <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" fw={500}>
              {fullName(contact)}
            </Anchor>
            {contact.email && (
              <Text size="xs" c="dimmed">
                {contact.email}
              </Text>
            )}
          </Stack>
        ),
      },
      { key: 'phone', header: t('columns.phone'), cell: (c) => dash(c.phone), visibleFrom: 'sm' },
      { key: 'city', header: t('columns.city'), cell: (c) => dash(c.city), visibleFrom: 'md' },
      {
        key: 'status',
        header: t('columns.status'),
        cell: (c) => (
          <Badge variant="light" color={c.status === 'active' ? 'teal' : 'gray'}>
            {t(`status.${c.status}`)}
          </Badge>
        ),
      },
      {
        key: 'reviews',
        header: t('columns.reviews'),
        visibleFrom: 'lg',
        cell: (c) =>
          c.review_count > 0
            ? t('reviewsCell', { count: c.review_count, rating: formatRating(c.average_rating, language) ?? '—' })
            : '—',
      },
      {
        key: 'sales',
        header: t('columns.sales'),
        visibleFrom: 'lg',
        cell: (c) => (c.sales.length ? formatMoney(c.sales, language) : '—'),
      },
      {
        key: 'updated',
        header: t('columns.updated'),
        visibleFrom: 'md',
        cell: (c) => formatDate(c.updated_at, language),
      },
    ];
    if (!selection) return base;
    return [selectionColumn(selection, shownIds, (c: ContactListItem) => c.id, fullName, tcomp), ...base];
  }, [t, tcomp, language, selection, shownIds]);

  return <DataTable {...state} caption={caption} columns={columns} rowKey={(contact) => contact.id} />;
}
