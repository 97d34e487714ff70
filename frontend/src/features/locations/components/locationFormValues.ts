/**
 * The location form's values and their translation to and from the API's bodies.
 * Inputs hold strings ('' = empty); the API wants `null` for an empty optional field.
 */
import type { LocationCreate } from '../api/createLocation';
import type { LocationUpdate } from '../api/updateLocation';
import type { components } from '@/api/generated/schema';

type LocationRead = components['schemas']['LocationRead'];

export interface LocationFormValues {
  name: string;
  street: string;
  city: string;
  state: string;
  country: string;
  postal_code: string;
  /** NumberInput gives a number, or '' when empty. */
  latitude: number | string;
  longitude: number | string;
}

export const EMPTY_LOCATION: LocationFormValues = {
  name: '',
  street: '',
  city: '',
  state: '',
  country: '',
  postal_code: '',
  latitude: '',
  longitude: '',
};

const text = (value: string): string | null => (value.trim() === '' ? null : value);

function coordinate(value: number | string): number | null {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The create body. The name goes as typed: the API trims it and says if it is missing. */
export function toLocationBody(values: LocationFormValues): LocationCreate {
  return {
    name: values.name,
    street: text(values.street),
    city: text(values.city),
    state: text(values.state),
    country: text(values.country),
    postal_code: text(values.postal_code),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
  };
}

export function fromLocation(location: LocationRead): LocationFormValues {
  return {
    name: location.name,
    street: location.street ?? '',
    city: location.city ?? '',
    state: location.state ?? '',
    country: location.country ?? '',
    postal_code: location.postal_code ?? '',
    latitude: location.latitude ?? '',
    longitude: location.longitude ?? '',
  };
}

/** The PATCH body: only what differs from the record, so concurrent edits of other fields survive. */
export function changedFields(values: LocationFormValues, original: LocationFormValues): LocationUpdate {
  const now = toLocationBody(values);
  const before = toLocationBody(original);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof LocationCreate)[]) {
    if (now[key] !== before[key]) changes[key] = now[key];
  }
  return changes;
}
