/**
 * The four relation tabs, each fed from its own source: groups from the record itself (it
 * carries `group_ids`), the others from their lists filtered by the contact.
 */
import { keysetTableState } from '@/components/data-table/keyset';
import type { ContactRead } from '../api/keys';
import { useOptions } from '../api/options';
import { useContactCompanies, useContactProjects, useContactServices } from '../api/relations';
import { RelationTab } from './RelationTab';

export function GroupsTab({ contact }: { contact: ContactRead }) {
  const groups = useOptions('groups');
  const names = new Map((groups.data ?? []).map((option) => [option.value, option.label]));
  const rows = contact.group_ids.map((id) => ({ id, name: names.get(id) ?? '…' }));
  return (
    <RelationTab
      contactId={contact.id}
      relation="groups"
      source="groups"
      permission="contacts:write"
      rows={rows}
      loading={groups.isPending && contact.group_ids.length > 0}
      error={groups.error}
      onRetry={() => void groups.refetch()}
    />
  );
}

export function ServicesTab({ contactId }: { contactId: string }) {
  const state = keysetTableState(useContactServices(contactId));
  const rows = state.rows.map((s) => ({ id: s.id, name: s.name, detail: `${s.price} ${s.currency}` }));
  return (
    <RelationTab
      {...state}
      rows={rows}
      contactId={contactId}
      relation="services"
      source="services"
      permission="contacts:write"
    />
  );
}

export function CompaniesTab({ contactId }: { contactId: string }) {
  const state = keysetTableState(useContactCompanies(contactId));
  const rows = state.rows.map((c) => ({ id: c.id, name: c.name, detail: c.email }));
  return (
    <RelationTab
      {...state}
      rows={rows}
      contactId={contactId}
      relation="companies"
      source="companies"
      permission="companies:write"
    />
  );
}

export function ProjectsTab({ contactId }: { contactId: string }) {
  const state = keysetTableState(useContactProjects(contactId));
  const rows = state.rows.map((p) => ({ id: p.id, name: p.name, detail: p.description }));
  return (
    <RelationTab
      {...state}
      rows={rows}
      contactId={contactId}
      relation="projects"
      source="projects"
      permission="projects:write"
    />
  );
}
