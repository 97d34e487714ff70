import { Button, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useComponentsTranslation } from '../i18n';
import { canOfferAllMatching, selectedCount } from './selection';
import type { Selection } from './useSelection';

interface SelectionBarProps {
  selection: Selection;
  shownIds: readonly string[];
  /** How many records match the filter (from the list's metrics), when known. */
  total: number | undefined;
  /** The bulk action buttons. */
  children: ReactNode;
}

/** Shown while something is selected: how much, "select all matching", clear, and the actions. */
export function SelectionBar({ selection, shownIds, total, children }: SelectionBarProps) {
  const { t } = useComponentsTranslation();
  const { state } = selection;
  if (!state.allMatching && state.ids.size === 0) return null;
  const count = selectedCount(state, total);
  return (
    <Paper withBorder radius="md" p="sm" mb="sm" bg="var(--mantine-color-blue-light)">
      <Group justify="space-between" gap="sm" wrap="wrap" role="toolbar" aria-label={t('selection.toolbar')}>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={500} role="status" aria-live="polite">
            {state.allMatching
              ? count === undefined
                ? t('selection.allMatching')
                : t('selection.allMatchingCount', { count })
              : t('selection.selected', { count: count ?? 0 })}
          </Text>
          {canOfferAllMatching(state, shownIds, total) && (
            <Button size="compact-sm" variant="subtle" onClick={selection.selectAllMatching}>
              {t('selection.selectAllMatching', { count: total ?? 0 })}
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" color="gray" onClick={selection.clear}>
            {t('selection.clear')}
          </Button>
        </Group>
        <Group gap="xs" wrap="wrap">
          {children}
        </Group>
      </Group>
    </Paper>
  );
}
