/**
 * Routes. Screens load lazily (each feature is its own chunk); the shell, the session gate and
 * the error pages load with the app.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '@/components/states/LoadingState';
import { NotFoundPage } from './routes/NotFoundPage';
import { RequirePermission } from './routes/RequirePermission';
import { RequireSession } from './routes/RequireSession';
import { RouteErrorPage } from './routes/RouteErrorPage';

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    lazy: async () => ({ Component: (await import('@/features/identity/components/SignInPage')).SignInPage }),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState minHeight="100dvh" />,
  },
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
