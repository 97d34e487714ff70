/**
 * "The language switch defaults to the user's culture": on the first `/me` of each sign-in the
 * console adopts the user's `culture`; after that, the user's own choice in the switch wins
 * until they sign in again. (When the API lets users edit their profile, the switch should
 * also save the culture there.)
 */
import { changeLanguage } from './i18n';
import { isLanguage } from './language';

const ADOPTED_KEY = 'ficha.culture-adopted';

/** `sessionKey` identifies one sign-in (user id + sign-in time). */
export function adoptUserCulture(sessionKey: string, culture: string): void {
  let adopted: string | null = null;
  try {
    adopted = window.sessionStorage.getItem(ADOPTED_KEY);
    window.sessionStorage.setItem(ADOPTED_KEY, sessionKey);
  } catch {
    // Storage unavailable: adopt every time; harmless.
  }
  if (adopted !== sessionKey && isLanguage(culture)) void changeLanguage(culture);
}
