import { ActionIcon, Group, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

export interface RowAction {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  color?: string;
  loading?: boolean;
}

/** Icon buttons at the end of a row, each named for screen readers and with a tooltip. */
export function RowActions({ actions }: { actions: RowAction[] }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {actions.map((action) => (
        <Tooltip key={action.label} label={action.label} openDelay={400}>
          <ActionIcon
            variant="subtle"
            color={action.color}
            onClick={action.onClick}
            loading={action.loading}
            aria-label={action.label}
          >
            {action.icon}
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
