import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { refreshTokens } from '@/features/identity/api/refreshTokens';
import { session } from '@/lib/auth/session';
import { createQueryClient } from '@/lib/query/queryClient';
import { Providers } from './providers';
import { createRouter } from './router';

// Expired access tokens renew silently (a 401 asks the session, which asks the API once).
session.setRefresher(refreshTokens);

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
