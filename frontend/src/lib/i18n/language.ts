/**
 * The console's languages and the user's preference.
 *
 * Spanish is the default. The preference chosen with the language switch is remembered in
 * localStorage (it is not secret and should outlive the session, e.g. on the sign-in page).
 */
export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';

/** Each language named in itself, as a language menu should show it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  es: 'Español',
  pt: 'Português',
  en: 'English',
};

const PREFERENCE_KEY = 'ficha.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function readLanguagePreference(): Language | null {
  try {
    const stored = window.localStorage.getItem(PREFERENCE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function writeLanguagePreference(language: Language): void {
  try {
    window.localStorage.setItem(PREFERENCE_KEY, language);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

/** The first of the browser's languages we speak (es-CL → es, pt-BR → pt). */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? []): Language | null {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}

export function initialLanguage(): Language {
  return readLanguagePreference() ?? browserLanguage() ?? DEFAULT_LANGUAGE;
}

let active: Language = DEFAULT_LANGUAGE;

/** The language requests are made in (`Accept-Language`); kept in step by `i18n.ts`. */
export function currentLanguage(): Language {
  return active;
}

export function setCurrentLanguage(language: Language): void {
  active = language;
}
