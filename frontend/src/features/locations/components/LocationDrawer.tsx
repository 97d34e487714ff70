import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useState, type ReactNode } from 'react';
import { useCloseDrawer } from '../hooks/useCloseDrawer';

interface LocationDrawerProps {
  title: string;
  /** The content gets `close`, which slides the drawer out and then returns to the list. */
  children: (close: () => void) => ReactNode;
}

/**
 * The side panel create and edit open in (full screen on phones). It is a route: closing it
 * lets the drawer finish closing, navigates back to the list, and gives focus back to the
 * button or link that opened it (keyboard users continue where they were).
 */
export function LocationDrawer({ title, children }: LocationDrawerProps) {
  const narrow = useMediaQuery('(max-width: 36em)');
  const backToList = useCloseDrawer();
  const [opened, setOpened] = useState(true);
  // Mantine returns focus only for drawers that open after mounting; this one mounts open.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const close = useCallback(() => setOpened(false), []);
  const closed = useCallback(() => {
    backToList();
    if (opener?.isConnected) opener.focus();
  }, [backToList, opener]);

  return (
    <Drawer
      opened={opened}
      onClose={close}
      onExitTransitionEnd={closed}
      returnFocus={false}
      title={title}
      position="right"
      size={narrow ? '100%' : 'md'}
      padding="lg"
    >
      {children(close)}
    </Drawer>
  );
}
