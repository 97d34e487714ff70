import { Checkbox } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from '../data-table/DataTable';
import { isSelected, shownState } from './selection';
import type { Selection } from './useSelection';

/**
 * The checkbox column of a list with bulk actions: one box per row, and one in the header for
 * every row shown. `name` gives each box its accessible name ("Select Ana Pérez").
 */
export function selectionColumn<Row>(
  selection: Selection,
  shownIds: readonly string[],
  rowId: (row: Row) => string,
  name: (row: Row) => string,
  t: TFunction<'components'>,
): DataTableColumn<Row> {
  const header = shownState(selection.state, shownIds);
  return {
    key: 'select',
    width: 40,
    header: (
      <Checkbox
        aria-label={t('selection.selectPage')}
        checked={header === 'all'}
        indeterminate={header === 'some'}
        onChange={() => selection.toggleShown(shownIds)}
      />
    ),
    cell: (row) => (
      <Checkbox
        aria-label={t('selection.selectRow', { name: name(row) })}
        checked={isSelected(selection.state, rowId(row))}
        onChange={() => selection.toggleRow(rowId(row), shownIds)}
      />
    ),
  };
}
