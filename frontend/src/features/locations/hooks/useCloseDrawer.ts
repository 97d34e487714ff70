import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Back to the list, keeping its filters (`?q=…`). */
export function useCloseDrawer(): () => void {
  const navigate = useNavigate();
  const { search } = useLocation();
  return useCallback(() => void navigate({ pathname: '/locations', search }), [navigate, search]);
}
