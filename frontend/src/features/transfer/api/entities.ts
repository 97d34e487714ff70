/**
 * The entities the API can import and export (`Entity` in the contract). The list is checked
 * against the contract: an entity added to the API and not here is a compile error.
 */
import type { components } from '@/api/generated/schema';

export type Entity = components['schemas']['ExportRequest']['entity'];
export type ExportKind = NonNullable<components['schemas']['ExportRequest']['kind']>;
export type ImportMode = NonNullable<components['schemas']['ImportForm']['mode']>;

export const ENTITIES = ['contacts', 'users', 'locations'] as const satisfies readonly Entity[];

/** Fails to compile while an entity of the contract is missing from `ENTITIES`. */
type Missing = Exclude<Entity, (typeof ENTITIES)[number]>;
const everyEntityListed: [Missing] extends [never] ? true : Missing = true;
void everyEntityListed;

export const EXPORT_KINDS: readonly ExportKind[] = ['with_data', 'with_data_no_relations'];
export const IMPORT_MODES: readonly ImportMode[] = ['create', 'update', 'upsert'];

export function isEntity(value: string | null): value is Entity {
  return value !== null && (ENTITIES as readonly string[]).includes(value);
}
