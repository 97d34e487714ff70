import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys, type ContactCriteria } from './keys';

/** The header figures of the list (same filters): clients, reviews, average rating, sales. */
export function contactMetricsQueryOptions(criteria: ContactCriteria) {
  return queryOptions({
    queryKey: contactKeys.metrics(criteria),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/contacts/metrics', { params: { query: criteria }, signal })),
  });
}

export function useContactMetrics(criteria: ContactCriteria) {
  return useQuery({ ...contactMetricsQueryOptions(criteria), placeholderData: keepPreviousData });
}
