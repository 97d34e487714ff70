import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useState, type ReactNode } from 'react';

interface RouteDrawerProps {
  title: string;
  /** Called once the drawer has finished closing: navigate back to the list here. */
  onClosed: () => void;
  /** The content gets `close`, which slides the drawer out (then `onClosed` runs). */
  children: (close: () => void) => ReactNode;
  size?: string;
}

/**
 * A side panel that is a route (`/things/new`, `/things/:id`), full screen on phones. Closing
 * it lets the drawer finish closing, then `onClosed` navigates away, and focus goes back to
 * the button or link that opened it (keyboard users continue where they were).
 */
export function RouteDrawer({ title, onClosed, children, size = 'md' }: RouteDrawerProps) {
  const narrow = useMediaQuery('(max-width: 36em)');
  const [opened, setOpened] = useState(true);
  // Mantine returns focus only for drawers that open after mounting; this one mounts open.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const close = useCallback(() => setOpened(false), []);
  const closed = useCallback(() => {
    onClosed();
    if (opener?.isConnected) opener.focus();
  }, [onClosed, opener]);

  return (
    <Drawer
      opened={opened}
      onClose={close}
      onExitTransitionEnd={closed}
      returnFocus={false}
      title={title}
      position="right"
      size={narrow ? '100%' : size}
      padding="lg"
    >
      {children(close)}
    </Drawer>
  );
}
