/**
 * The record's profile form (details, address, additional fields) and its translation to the
 * PATCH body: only what changed is sent, so concurrent edits of other fields survive.
 */
import type { CustomField } from '../api/customFields';
import type { ContactRead } from '../api/keys';
import type { ContactUpdate } from '../api/updateContact';
import { toCustomFieldBody, toCustomFieldInputs, type CustomFieldInputs } from './customFieldValues';

export interface ContactProfileValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  document_id: string;
  birth_date: string;
  gender: string;
  culture: string;
  origin: string;
  center: string;
  owner_id: string;
  status: string;
  location_id: string;
  street: string;
  city: string;
  state: string;
  country: string;
  postal_code: string;
  latitude: number | string;
  longitude: number | string;
  custom_fields: CustomFieldInputs;
}

const PLAIN_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'document_id',
  'birth_date',
  'gender',
  'culture',
  'origin',
  'center',
  'owner_id',
  'status',
  'location_id',
  'street',
  'city',
  'state',
  'country',
  'postal_code',
] as const;

export function fromContact(contact: ContactRead, fields: readonly CustomField[]): ContactProfileValues {
  return {
    first_name: contact.first_name,
    last_name: contact.last_name,
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    document_id: contact.document_id ?? '',
    birth_date: contact.birth_date ?? '',
    gender: contact.gender ?? '',
    culture: contact.culture,
    origin: contact.origin ?? '',
    center: contact.center ?? '',
    owner_id: contact.owner_id ?? '',
    status: contact.status,
    location_id: contact.location_id ?? '',
    street: contact.street ?? '',
    city: contact.city ?? '',
    state: contact.state ?? '',
    country: contact.country ?? '',
    postal_code: contact.postal_code ?? '',
    latitude: contact.latitude ?? '',
    longitude: contact.longitude ?? '',
    custom_fields: toCustomFieldInputs(fields, contact.custom_fields),
  };
}

function coordinate(value: number | string): number | string | null {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return null;
  const parsed = Number(text);
  // Not a number: sent as typed, so the API's message lands on the field.
  return Number.isFinite(parsed) ? parsed : text;
}

/** The PATCH body: the fields that differ from the record ('' → null clears). */
export function changedProfile(
  values: ContactProfileValues,
  original: ContactProfileValues,
  fields: readonly CustomField[],
): ContactUpdate {
  const changes: Record<string, unknown> = {};
  for (const key of PLAIN_FIELDS) {
    const now = values[key].trim();
    if (now !== original[key].trim()) changes[key] = now === '' ? null : now;
  }
  for (const key of ['latitude', 'longitude'] as const) {
    const now = coordinate(values[key]);
    if (now !== coordinate(original[key])) changes[key] = now;
  }
  // The pair travels together: the API refuses one without the other.
  if ('latitude' in changes || 'longitude' in changes) {
    changes.latitude = coordinate(values.latitude);
    changes.longitude = coordinate(values.longitude);
  }
  const custom = toCustomFieldBody(fields, values.custom_fields, original.custom_fields);
  if (Object.keys(custom).length > 0) changes.custom_fields = custom;
  return changes;
}
