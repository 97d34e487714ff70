import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The side panel create and edit open in; full screen on phones. */
export function LocationDrawer({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Drawer opened onClose={onClose} title={title} position="right" size={narrow ? '100%' : 'md'} padding="lg">
      {children}
    </Drawer>
  );
}
