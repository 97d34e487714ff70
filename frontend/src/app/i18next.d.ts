/**
 * Typed translation keys: `t('nav.locations')` is checked against the Spanish bundles (the
 * reference language), so a typo is a compile error. Add a namespace here when a feature
 * registers one.
 */
import 'i18next';
import type { commonMessages } from '@/lib/i18n/common';
import type { appMessages } from './i18n';
import type { componentsMessages } from '@/components/i18n';
import type { contactsMessages } from '@/features/contacts/i18n';
import type { transferMessages } from '@/features/transfer/i18n';
import type { dashboardMessages } from '@/features/dashboard/i18n';
import type { identityMessages } from '@/features/identity/i18n';
import type { locationsMessages } from '@/features/locations/i18n';
import type { notificationsMessages } from '@/features/notifications/i18n';
import type { profileMessages } from '@/features/profile/i18n';
import type { staffMessages } from '@/features/staff/i18n';
import type { integrationTokensMessages } from '@/components/integration-tokens/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: (typeof commonMessages)['es'];
      app: (typeof appMessages)['es'];
      dashboard: (typeof dashboardMessages)['es'];
      identity: (typeof identityMessages)['es'];
      locations: (typeof locationsMessages)['es'];
      components: (typeof componentsMessages)['es'];
      contacts: (typeof contactsMessages)['es'];
      transfer: (typeof transferMessages)['es'];
      notifications: (typeof notificationsMessages)['es'];
      profile: (typeof profileMessages)['es'];
      staff: (typeof staffMessages)['es'];
      integrationTokens: (typeof integrationTokensMessages)['es'];
    };
  }
}
