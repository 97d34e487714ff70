/**
 * What every tab around a record shares: a keyset list under the record's query key, and
 * mutations that refresh that tab, the record (counts, groups) and its timeline.
 */
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { KeysetPage } from '@/components/data-table/keyset';
import { contactKeys } from './keys';

export const SECTION_PAGE_SIZE = 50;

export type PageFetcher<Row> = (cursor: string | null, signal: AbortSignal) => Promise<KeysetPage<Row>>;

export function useSectionList<Row>(contactId: string, section: string, fetchPage: PageFetcher<Row>) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: contactKeys.section(contactId, section),
      queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.next_cursor ?? null,
    }),
  );
}

async function refreshRecord(queryClient: QueryClient, contactId: string, section: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: contactKeys.section(contactId, section) }),
    queryClient.invalidateQueries({ queryKey: contactKeys.section(contactId, 'timeline') }),
    queryClient.invalidateQueries({ queryKey: contactKeys.detail(contactId), exact: true }),
    queryClient.invalidateQueries({ queryKey: contactKeys.lists() }),
  ]);
}

/** A change inside a tab; on success the tab, the record and its timeline refetch. */
export function useSectionMutation<Variables, Result>(
  contactId: string,
  section: string,
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshRecord(queryClient, contactId, section) });
}

/** `{ cursor }` only when there is one (the first page sends none). */
export function paging(cursor: string | null) {
  return { limit: SECTION_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
}
