/** The create form's values and the body they become (inputs hold '' for empty; the API wants null). */
import type { CustomField } from '../api/customFields';
import type { ContactCreate } from '../api/createContact';
import type { ContactKind } from '../api/keys';
import { toCustomFieldBody, type CustomFieldInputs } from './customFieldValues';

export interface ContactCreateValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  document_id: string;
  origin: string;
  custom_fields: CustomFieldInputs;
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function toContactCreateBody(
  kind: ContactKind,
  values: ContactCreateValues,
  fields: readonly CustomField[],
): ContactCreate {
  return {
    kind,
    first_name: values.first_name,
    last_name: text(values.last_name),
    email: text(values.email),
    phone: text(values.phone),
    document_id: text(values.document_id),
    origin: text(values.origin),
    custom_fields: toCustomFieldBody(fields, values.custom_fields),
  };
}
