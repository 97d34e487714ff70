/** Numbers as the console's language writes them. */
import type { components } from '@/api/generated/schema';

type Money = components['schemas']['Money'];

/** Sales in one or more currencies: "1.250,00 € · 300,00 US$". */
export function formatMoney(amounts: readonly Money[], language: string): string {
  return amounts
    .map((money) => {
      const value = Number(money.amount);
      try {
        return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(value);
      } catch {
        // An unknown currency code: show it as is.
        return `${money.amount} ${money.currency}`;
      }
    })
    .join(' · ');
}

export function formatRating(rating: number | null, language: string): string | null {
  if (rating === null) return null;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(rating);
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function fullName(contact: { first_name: string; last_name: string }): string {
  return `${contact.first_name} ${contact.last_name}`.trim();
}
