/**
 * Additional fields between the API (typed JSON values keyed by field key) and the form (one
 * input per field, by type). The API validates (required, type, options); the form only
 * converts, so both can never disagree.
 */
import type { CustomField } from '../api/customFields';

/** What an input holds: text/date/select '' when empty, number '' or a number, boolean, multiselect a list. */
export type CustomFieldInput = string | number | boolean | string[];
export type CustomFieldInputs = Record<string, CustomFieldInput>;
export type CustomFieldBody = Record<string, string | number | boolean | string[] | null>;

export function customFieldLabel(field: CustomField, language: string): string {
  return field.labels[language] || field.labels.es || field.key;
}

/** A stored scalar as an input's text (objects do not belong in a scalar field; shown as JSON). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function emptyInput(field: CustomField): CustomFieldInput {
  if (field.type === 'boolean') return false;
  if (field.type === 'multiselect') return [];
  return '';
}

/** The inputs of every defined field, filled from a record's stored values. */
export function toCustomFieldInputs(
  fields: readonly CustomField[],
  stored: Record<string, unknown> = {},
): CustomFieldInputs {
  return Object.fromEntries(
    fields.map((field) => {
      const value = stored[field.key];
      if (value === undefined || value === null) return [field.key, emptyInput(field)];
      if (field.type === 'multiselect') return [field.key, Array.isArray(value) ? value.map(asText) : []];
      if (field.type === 'boolean') return [field.key, value === true];
      if (field.type === 'number') return [field.key, typeof value === 'number' ? value : asText(value)];
      return [field.key, asText(value)];
    }),
  );
}

function toValue(field: CustomField, input: CustomFieldInput | undefined): CustomFieldBody[string] {
  if (input === undefined) return null;
  switch (field.type) {
    case 'boolean':
      return input === true;
    case 'multiselect':
      return Array.isArray(input) && input.length > 0 ? input : null;
    case 'number': {
      if (typeof input === 'number') return input;
      const text = String(input).trim();
      if (text === '') return null;
      const parsed = Number(text.replace(',', '.'));
      // Not a number: sent as typed, so the API's message explains it on the field.
      return Number.isFinite(parsed) ? parsed : text;
    }
    default: {
      const text = String(input).trim();
      return text === '' ? null : text;
    }
  }
}

/**
 * The `custom_fields` body. `create`: empty fields are left out (a required one left out gets
 * the API's "required" message on its input). Otherwise only fields that changed, `null`
 * clearing one.
 */
export function toCustomFieldBody(
  fields: readonly CustomField[],
  inputs: CustomFieldInputs,
  original?: CustomFieldInputs,
): CustomFieldBody {
  const body: CustomFieldBody = {};
  for (const field of fields) {
    const value = toValue(field, inputs[field.key]);
    if (!original) {
      if (value !== null && !(field.type === 'boolean' && value === false && !field.required)) body[field.key] = value;
      continue;
    }
    const before = toValue(field, original[field.key]);
    if (JSON.stringify(value) !== JSON.stringify(before)) body[field.key] = value;
  }
  return body;
}
