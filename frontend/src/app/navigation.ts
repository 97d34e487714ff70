/**
 * The main navigation. An entry shows only to users holding its `permission` (the same one
 * guards its route); screens arriving with new APIs (contacts, imports, notifications…) add
 * one line here and one route in `router.tsx`.
 */
import {
  IconFileSpreadsheet,
  IconLayoutDashboard,
  IconMapPin,
  IconUserCog,
  IconUserSearch,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { PermissionRequirement } from '@/lib/permissions/permissions';

export interface NavItem {
  to: string;
  /** Key in the `app` namespace. */
  labelKey: 'nav.dashboard' | 'nav.locations' | 'nav.customers' | 'nav.leads' | 'nav.transfer' | 'nav.staff';
  icon: Icon;
  permission?: PermissionRequirement;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.dashboard', icon: IconLayoutDashboard },
  { to: '/customers', labelKey: 'nav.customers', icon: IconUsers, permission: 'contacts:read' },
  { to: '/leads', labelKey: 'nav.leads', icon: IconUserSearch, permission: 'contacts:read' },
  { to: '/locations', labelKey: 'nav.locations', icon: IconMapPin, permission: 'locations:read' },
  { to: '/transfer', labelKey: 'nav.transfer', icon: IconFileSpreadsheet, permission: 'transfer:export' },
  { to: '/staff', labelKey: 'nav.staff', icon: IconUserCog, permission: 'users:read' },
];
