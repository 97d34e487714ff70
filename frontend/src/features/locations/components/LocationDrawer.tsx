import type { ReactNode } from 'react';
import { RouteDrawer } from '@/components/drawer/RouteDrawer';
import { useCloseDrawer } from '../hooks/useCloseDrawer';

interface LocationDrawerProps {
  title: string;
  /** The content gets `close`, which slides the drawer out and then returns to the list. */
  children: (close: () => void) => ReactNode;
}

/** The side panel create and edit open in; closing it returns to the list (with its filters). */
export function LocationDrawer({ title, children }: LocationDrawerProps) {
  const backToList = useCloseDrawer();
  return (
    <RouteDrawer title={title} onClosed={backToList}>
      {children}
    </RouteDrawer>
  );
}
