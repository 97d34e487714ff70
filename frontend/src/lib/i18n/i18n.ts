/**
 * i18next for the console: es (default), pt, en. Messages are bundled with the code (no HTTP
 * backend: nothing is downloaded at run time). `common` is registered here; the shell and each
 * feature register their own namespace with `registerMessages` when their module loads, so a
 * lazily loaded screen brings its words with it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonMessages } from './common';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  initialLanguage,
  isLanguage,
  setCurrentLanguage,
  writeLanguagePreference,
  type Language,
} from './language';
import type { MessageBundle } from './messages';

export const i18n = i18next.createInstance();

const startLanguage = initialLanguage();
setCurrentLanguage(startLanguage);

void i18n.use(initReactI18next).init({
  lng: startLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: ['common'],
  defaultNS: 'common',
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { common: commonMessages[lng] }])),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  react: { bindI18nStore: 'added', useSuspense: false },
});

i18n.on('languageChanged', (lng) => {
  const language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  setCurrentLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
if (typeof document !== 'undefined') document.documentElement.lang = startLanguage;

/** Add a namespace's messages in every language (idempotent: re-registering replaces them). */
export function registerMessages<T>(namespace: string, bundle: MessageBundle<T>): void {
  for (const lng of LANGUAGES) {
    i18n.addResourceBundle(lng, namespace, bundle[lng], true, true);
  }
}

/** Switch the console's language; `remember` keeps it as the preference for next time. */
export async function changeLanguage(language: Language, { remember = true } = {}): Promise<void> {
  if (remember) writeLanguagePreference(language);
  await i18n.changeLanguage(language);
}
