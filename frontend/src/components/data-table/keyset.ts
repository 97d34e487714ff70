import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { DataTableProps } from './DataTable';

/** The shape of every keyset-paginated list the API returns (`Page[T]`). */
export interface KeysetPage<Row> {
  items: Row[];
  next_cursor?: string | null;
}

type KeysetTableState<Row> = Pick<
  DataTableProps<Row>,
  'rows' | 'loading' | 'error' | 'onRetry' | 'hasMore' | 'loadingMore' | 'onLoadMore' | 'refreshing'
>;

/**
 * Wire an infinite query over keyset pages into `DataTable`'s state props:
 *
 *     <DataTable {...keysetTableState(query)} columns={…} … />
 */
export function keysetTableState<Row>(
  query: UseInfiniteQueryResult<InfiniteData<KeysetPage<Row>, unknown>>,
): KeysetTableState<Row> {
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  return {
    rows,
    loading: query.isPending,
    error: query.error,
    // A failed "load more" retries the next page; anything else refetches the list.
    onRetry: () => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch()),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    onLoadMore: () => void query.fetchNextPage(),
    refreshing: query.isPlaceholderData,
  };
}
