import { describe, expect, it } from 'vitest';
import { commonMessages } from '@/lib/i18n/common';
import { LANGUAGES } from '@/lib/i18n/language';
import { dashboardMessages } from '@/features/dashboard/i18n';
import { identityMessages } from '@/features/identity/i18n';
import { locationsMessages } from '@/features/locations/i18n';
import { notificationsMessages } from '@/features/notifications/i18n';
import { profileMessages } from '@/features/profile/i18n';
import { staffMessages } from '@/features/staff/i18n';
import { integrationTokensMessages } from '@/components/integration-tokens/i18n';
import { appMessages } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const bundles = {
  common: commonMessages,
  app: appMessages,
  dashboard: dashboardMessages,
  identity: identityMessages,
  locations: locationsMessages,
  notifications: notificationsMessages,
  profile: profileMessages,
  staff: staffMessages,
  integrationTokens: integrationTokensMessages,
};

describe('messages', () => {
  it.each(Object.entries(bundles))('%s has every key in es, pt and en, none blank', (_name, bundle) => {
    const reference = keys(bundle.es).sort();
    for (const language of LANGUAGES) {
      expect(keys(bundle[language]).sort()).toEqual(reference);
      const values = keys(bundle[language]).map((path) =>
        path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], bundle[language]),
      );
      expect(values.every((text) => typeof text === 'string' && text.trim() !== '')).toBe(true);
    }
  });
});
