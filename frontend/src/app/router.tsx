/**
 * Routes. Screens load lazily (each feature is its own chunk); the shell, the session gate and
 * the error pages load with the app.
 */
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '@/components/states/LoadingState';
import { NotFoundPage } from './routes/NotFoundPage';
import { RequirePermission } from './routes/RequirePermission';
import { RequireSession } from './routes/RequireSession';
import { RouteErrorPage } from './routes/RouteErrorPage';

/** A page for people who are not signed in (emailed links, password recovery). */
function signedOutPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => ({ Component: await load() }),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState minHeight="100dvh" />,
  };
}

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    lazy: async () => ({ Component: (await import('@/features/identity/components/SignInPage')).SignInPage }),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState minHeight="100dvh" />,
  },
  signedOutPage(
    '/forgot-password',
    async () => (await import('@/features/identity/components/ForgotPasswordPage')).ForgotPasswordPage,
  ),
  signedOutPage(
    '/reset-password',
    async () => (await import('@/features/identity/components/ResetPasswordPage')).ResetPasswordPage,
  ),
  // The invitation email links to /accept-invitation; /invitation is the short alias.
  ...['/accept-invitation', '/invitation'].map((path) =>
    signedOutPage(
      path,
      async () => (await import('@/features/identity/components/AcceptInvitationPage')).AcceptInvitationPage,
    ),
  ),
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState minHeight="100dvh" />,
    children: [
      {
        // Errors below keep the shell (header, navigation) on screen.
        errorElement: <RouteErrorPage />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('@/features/dashboard/components/DashboardPage')).DashboardPage,
            }),
          },
          {
            path: 'locations',
            element: <RequirePermission permission="locations:read" />,
            children: [
              {
                lazy: async () => ({
                  Component: (await import('@/features/locations/components/LocationsPage')).LocationsPage,
                }),
                children: [
                  { index: true, element: <></> }, // the list alone, no drawer open
                  {
                    element: <RequirePermission permission="locations:write" redirectTo="/locations" />,
                    children: [
                      {
                        path: 'new',
                        lazy: async () => ({
                          Component: (await import('@/features/locations/components/LocationCreateDrawer'))
                            .LocationCreateDrawer,
                        }),
                      },
                      {
                        path: ':locationId',
                        lazy: async () => ({
                          Component: (await import('@/features/locations/components/LocationEditDrawer'))
                            .LocationEditDrawer,
                        }),
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            path: 'staff',
            element: <RequirePermission permission="users:read" />,
            children: [
              {
                lazy: async () => ({ Component: (await import('@/features/staff/components/StaffPage')).StaffPage }),
                children: [
                  { index: true, element: <></> },
                  {
                    path: 'new',
                    element: <RequirePermission permission="users:write" redirectTo="/staff" />,
                    children: [
                      {
                        index: true,
                        lazy: async () => ({
                          Component: (await import('@/features/staff/components/InviteUserDrawer')).InviteUserDrawer,
                        }),
                      },
                    ],
                  },
                ],
              },
              {
                path: 'roles',
                element: <RequirePermission permission="roles:read" />,
                children: [
                  {
                    lazy: async () => ({
                      Component: (await import('@/features/staff/components/RolesPage')).RolesPage,
                    }),
                    children: [
                      { index: true, element: <></> },
                      {
                        path: 'new',
                        element: <RequirePermission permission="roles:write" redirectTo="/staff/roles" />,
                        children: [
                          {
                            index: true,
                            lazy: async () => ({
                              Component: (await import('@/features/staff/components/RoleDrawer')).RoleDrawer,
                            }),
                          },
                        ],
                      },
                      {
                        path: ':roleId',
                        lazy: async () => ({
                          Component: (await import('@/features/staff/components/RoleDrawer')).RoleDrawer,
                        }),
                      },
                    ],
                  },
                ],
              },
              {
                path: 'groups',
                element: <RequirePermission permission="groups:read" />,
                children: [
                  {
                    lazy: async () => ({
                      Component: (await import('@/features/staff/components/GroupsPage')).GroupsPage,
                    }),
                    children: [
                      { index: true, element: <></> },
                      {
                        path: 'new',
                        element: <RequirePermission permission="groups:write" redirectTo="/staff/groups" />,
                        children: [
                          {
                            index: true,
                            lazy: async () => ({
                              Component: (await import('@/features/staff/components/GroupDrawer')).GroupDrawer,
                            }),
                          },
                        ],
                      },
                      {
                        path: ':groupId',
                        lazy: async () => ({
                          Component: (await import('@/features/staff/components/GroupDrawer')).GroupDrawer,
                        }),
                      },
                    ],
                  },
                ],
              },
              {
                path: ':userId',
                lazy: async () => ({
                  Component: (await import('@/features/staff/components/StaffDetailPage')).StaffDetailPage,
                }),
              },
            ],
          },
          {
            path: 'profile',
            lazy: async () => ({ Component: (await import('@/features/profile/components/ProfilePage')).ProfilePage }),
          },
          {
            path: 'customers',
            element: <RequirePermission permission="contacts:read" />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('@/features/contacts/components/ContactsPage')).CustomersPage,
                }),
              },
            ],
          },
          {
            path: 'leads',
            element: <RequirePermission permission="contacts:read" />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('@/features/contacts/components/ContactsPage')).LeadsPage,
                }),
              },
            ],
          },
          {
            path: 'contacts/:contactId',
            element: <RequirePermission permission="contacts:read" />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('@/features/contacts/components/ContactRecordPage')).ContactRecordPage,
                }),
              },
            ],
          },
          {
            path: 'transfer',
            element: <RequirePermission permission={['transfer:export']} />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('@/features/transfer/components/TransferPage')).TransferPage,
                }),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
