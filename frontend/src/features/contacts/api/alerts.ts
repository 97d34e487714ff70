import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { paging, useSectionList, useSectionMutation } from './sectionQueries';

export type Alert = components['schemas']['AlertRead'];
export type AlertCreate = components['schemas']['AlertCreate'];
export type AlertUpdate = components['schemas']['AlertUpdate'];

export function useAlerts(contactId: string) {
  return useSectionList(contactId, 'alerts', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/alerts', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}

export function useCreateAlert(contactId: string) {
  return useSectionMutation(contactId, 'alerts', (body: AlertCreate) =>
    unwrap(api.POST('/api/v1/contacts/{contact_id}/alerts', { params: { path: { contact_id: contactId } }, body })),
  );
}

export function useUpdateAlert(contactId: string) {
  return useSectionMutation(contactId, 'alerts', ({ id, changes }: { id: string; changes: AlertUpdate }) =>
    unwrap(
      api.PATCH('/api/v1/contacts/{contact_id}/alerts/{alert_id}', {
        params: { path: { contact_id: contactId, alert_id: id } },
        body: changes,
      }),
    ),
  );
}

export function useDeleteAlert(contactId: string) {
  return useSectionMutation(contactId, 'alerts', (id: string) =>
    unwrap(
      api.DELETE('/api/v1/contacts/{contact_id}/alerts/{alert_id}', {
        params: { path: { contact_id: contactId, alert_id: id } },
      }),
    ),
  );
}
