/** Render a component the way the console does: theme, translations, cache, router. */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { i18n } from '@/lib/i18n/i18n';
import { PermissionsProvider } from '@/lib/permissions/PermissionsProvider';

interface Options extends Omit<RenderOptions, 'wrapper'> {
  route?: string;
  permissions?: string[];
  queryClient?: QueryClient;
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function renderWithProviders(ui: ReactElement, options: Options = {}) {
  const { route = '/', permissions = [], queryClient = testQueryClient(), ...rest } = options;
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <QueryClientProvider client={queryClient}>
            <PermissionsProvider permissions={permissions}>
              <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
            </PermissionsProvider>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    );
  }
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...rest }) };
}

/** A JSON (or problem+json) `Response`, as the API sends them. */
export function jsonResponse(status: number, body: unknown): Response {
  const problem = status >= 400;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
  });
}
