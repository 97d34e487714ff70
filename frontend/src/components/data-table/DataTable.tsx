/**
 * The list table every screen uses: its three states (loading, empty, error), keyset paging
 * with "Load more" (the API never counts all matches, so there are no page numbers), and a
 * live region announcing how many rows are shown.
 *
 * Columns can be hidden on narrow screens (`visibleFrom`), so a phone shows what matters and
 * the table never needs sideways scrolling for its key columns.
 */
import {
  Box,
  Button,
  Center,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
  type MantineBreakpoint,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../states/ErrorState';

export interface DataTableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Show this column only from this breakpoint up (e.g. `'sm'`: hidden on phones). */
  visibleFrom?: MantineBreakpoint;
  width?: number | string;
  align?: 'left' | 'center' | 'right';
}

export interface DataTableProps<Row> {
  /** The table's accessible name (rendered as a visually hidden caption). */
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The first page is loading (nothing to show yet). */
  loading: boolean;
  /** The last fetch failed (first page, refresh or next page). */
  error: unknown;
  onRetry: () => void;
  /** Shown instead of the table when there are no rows and nothing failed. */
  empty: ReactNode;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  /** Rows shown are from before a filter change while the new ones load. */
  refreshing?: boolean;
  skeletonRows?: number;
}

function Cell<Row>({
  column,
  children,
  header,
}: {
  column: DataTableColumn<Row>;
  children: ReactNode;
  header?: boolean;
}) {
  const Component = header ? Table.Th : Table.Td;
  return (
    <Component visibleFrom={column.visibleFrom} w={column.width} ta={column.align}>
      {children}
    </Component>
  );
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, columns, rows, rowKey, loading, error, onRetry, empty } = props;
  const { hasMore = false, loadingMore = false, onLoadMore, refreshing = false, skeletonRows = 5 } = props;
  const { t } = useTranslation('common');

  if (!loading && error && rows.length === 0) {
    return <ErrorState error={error} onRetry={onRetry} />;
  }
  if (!loading && !error && rows.length === 0) {
    return (
      <Paper withBorder radius="md">
        {empty}
      </Paper>
    );
  }

  return (
    <Stack gap="sm">
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={320} type="native">
          <Table
            highlightOnHover
            verticalSpacing="sm"
            aria-busy={loading || refreshing}
            style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 120ms' }}
          >
            {/* The table's accessible name; hidden, since the page heading already shows it. */}
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Cell key={column.key} column={column} header>
                    {column.header}
                  </Cell>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loading
                ? Array.from({ length: skeletonRows }, (_, index) => (
                    <Table.Tr key={`skeleton-${index}`} aria-hidden>
                      {columns.map((column) => (
                        <Cell key={column.key} column={column}>
                          <Skeleton height={12} radius="sm" />
                        </Cell>
                      ))}
                    </Table.Tr>
                  ))
                : rows.map((row) => (
                    <Table.Tr key={rowKey(row)}>
                      {columns.map((column) => (
                        <Cell key={column.key} column={column}>
                          {column.cell(row)}
                        </Cell>
                      ))}
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {loading && (
        <VisuallyHidden role="status" aria-live="polite">
          {t('states.loading')}
        </VisuallyHidden>
      )}
      {Boolean(error) && rows.length > 0 && <ErrorState error={error} onRetry={onRetry} />}
      {!loading && (
        <Box>
          <Text size="sm" c="dimmed" ta="center" role="status" aria-live="polite">
            {t('states.shown', { count: rows.length })}
            {!hasMore && !error ? ` · ${t('states.allShown')}` : ''}
          </Text>
          {hasMore && onLoadMore && !error && (
            <Center mt="sm">
              <Button variant="default" onClick={onLoadMore} loading={loadingMore}>
                {t('actions.loadMore')}
              </Button>
            </Center>
          )}
        </Box>
      )}
    </Stack>
  );
}
