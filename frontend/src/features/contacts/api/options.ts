/**
 * The choices of the list's filters and of some actions: groups, companies, projects, owners
 * (staff) and locations, each the first page of its list (enough for a select; the select
 * searches within them).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export interface Option {
  value: string;
  label: string;
}

const OPTIONS_LIMIT = 200;
const OPTIONS_STALE_MS = 60_000;

const loaders = {
  groups: async (signal: AbortSignal): Promise<Option[]> => {
    const page = await unwrap(
      api.GET('/api/v1/contact-groups', { params: { query: { limit: OPTIONS_LIMIT } }, signal }),
    );
    return page.items.map((group) => ({ value: group.id, label: group.name }));
  },
  companies: async (signal: AbortSignal): Promise<Option[]> => {
    const page = await unwrap(api.GET('/api/v1/companies', { params: { query: { limit: OPTIONS_LIMIT } }, signal }));
    return page.items.map((company) => ({ value: company.id, label: company.name }));
  },
  projects: async (signal: AbortSignal): Promise<Option[]> => {
    const page = await unwrap(api.GET('/api/v1/projects', { params: { query: { limit: OPTIONS_LIMIT } }, signal }));
    return page.items.map((project) => ({ value: project.id, label: project.name }));
  },
  owners: async (signal: AbortSignal): Promise<Option[]> => {
    const page = await unwrap(api.GET('/api/v1/users', { params: { query: { limit: OPTIONS_LIMIT } }, signal }));
    return page.items.map((user) => ({ value: user.id, label: `${user.first_name} ${user.last_name}`.trim() }));
  },
  services: async (signal: AbortSignal): Promise<Option[]> => {
    const page = await unwrap(api.GET('/api/v1/services', { params: { query: { limit: OPTIONS_LIMIT } }, signal }));
    return page.items.map((service) => ({ value: service.id, label: service.name }));
  },
} as const;

export type OptionSource = keyof typeof loaders;

export function optionsQueryOptions(source: OptionSource) {
  return queryOptions({
    queryKey: contactKeys.options(source),
    queryFn: ({ signal }) => loaders[source](signal),
    staleTime: OPTIONS_STALE_MS,
  });
}

/** `enabled: false` for users without the permission to read that list. */
export function useOptions(source: OptionSource, enabled = true) {
  return useQuery({ ...optionsQueryOptions(source), enabled });
}
