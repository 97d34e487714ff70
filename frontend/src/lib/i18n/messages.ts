/**
 * Typed message bundles: Spanish is the reference, and English and Portuguese must have
 * exactly the same keys (a missing or extra key is a compile error, not a blank label).
 */
import type { Language } from './language';

export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export type MessageBundle<T> = { es: T } & Record<Exclude<Language, 'es'>, Messages<T>>;

export function defineMessages<const T>(bundle: MessageBundle<T>): MessageBundle<T> {
  return bundle;
}
