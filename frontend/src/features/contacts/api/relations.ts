/**
 * What a contact belongs to: groups (on the record itself), services, companies and projects.
 * Each is listed from its own endpoint and changed one at a time.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { paging, useSectionList, useSectionMutation } from './sectionQueries';

export function useContactServices(contactId: string) {
  return useSectionList(contactId, 'services', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/services', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}

export function useContactCompanies(contactId: string) {
  return useSectionList(contactId, 'companies', (cursor, signal) =>
    unwrap(api.GET('/api/v1/companies', { params: { query: { ...paging(cursor), contact_id: contactId } }, signal })),
  );
}

export function useContactProjects(contactId: string) {
  return useSectionList(contactId, 'projects', (cursor, signal) =>
    unwrap(api.GET('/api/v1/projects', { params: { query: { ...paging(cursor), contact_id: contactId } }, signal })),
  );
}

export type Relation = 'groups' | 'services' | 'companies' | 'projects';

/** Link the contact to one group, service, company or project… */
export function useLink(contactId: string, relation: Relation) {
  return useSectionMutation(contactId, relation, async (targetId: string) => {
    const contact = { contact_id: contactId };
    switch (relation) {
      case 'groups':
        return unwrap(
          api.PUT('/api/v1/contacts/{contact_id}/groups/{group_id}', {
            params: { path: { ...contact, group_id: targetId } },
          }),
        );
      case 'services':
        return unwrap(
          api.PUT('/api/v1/contacts/{contact_id}/services/{service_id}', {
            params: { path: { ...contact, service_id: targetId } },
          }),
        );
      case 'companies':
        return unwrap(
          api.PUT('/api/v1/companies/{company_id}/members/{contact_id}', {
            params: { path: { ...contact, company_id: targetId } },
            body: { is_admin: false },
          }),
        );
      case 'projects':
        return unwrap(
          api.POST('/api/v1/projects/{project_id}/contacts', {
            params: { path: { project_id: targetId } },
            body: { contact_ids: [contactId] },
          }),
        );
    }
  });
}

/** …and unlink it. */
export function useUnlink(contactId: string, relation: Relation) {
  return useSectionMutation(contactId, relation, async (targetId: string) => {
    const contact = { contact_id: contactId };
    switch (relation) {
      case 'groups':
        return unwrap(
          api.DELETE('/api/v1/contacts/{contact_id}/groups/{group_id}', {
            params: { path: { ...contact, group_id: targetId } },
          }),
        );
      case 'services':
        return unwrap(
          api.DELETE('/api/v1/contacts/{contact_id}/services/{service_id}', {
            params: { path: { ...contact, service_id: targetId } },
          }),
        );
      case 'companies':
        return unwrap(
          api.DELETE('/api/v1/companies/{company_id}/members/{contact_id}', {
            params: { path: { ...contact, company_id: targetId } },
          }),
        );
      case 'projects':
        return unwrap(
          api.DELETE('/api/v1/projects/{project_id}/contacts/{contact_id}', {
            params: { path: { ...contact, project_id: targetId } },
          }),
        );
    }
  });
}
