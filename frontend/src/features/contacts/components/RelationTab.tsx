import { Button, Group, NativeSelect, Paper } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable, type DataTableProps } from '@/components/data-table/DataTable';
import { EmptyState } from '@/components/states/EmptyState';
import { useCan } from '@/lib/permissions/usePermissions';
import type { Option, OptionSource } from '../api/options';
import { useOptions } from '../api/options';
import { useLink, useUnlink, type Relation } from '../api/relations';
import { useContactsTranslation } from '../i18n';
import { RowActions } from './RowActions';
import { useActionFailed } from '../hooks/useActionFailed';

export interface RelatedRow {
  id: string;
  name: string;
  detail?: string | null;
}

type TableState = Omit<DataTableProps<RelatedRow>, 'caption' | 'columns' | 'rowKey' | 'empty'>;

interface RelationTabProps extends TableState {
  contactId: string;
  relation: Relation;
  /** Where the choices to add come from. */
  source: OptionSource;
  /** The permission that allows linking and unlinking. */
  permission: string;
}

/** What a contact belongs to (groups, services, companies, projects): the list, add one, remove one. */
export function RelationTab({ contactId, relation, source, permission, ...state }: RelationTabProps) {
  const { t } = useContactsTranslation();
  const canChange = useCan(permission);
  const options = useOptions(source, canChange);
  const link = useLink(contactId, relation);
  const unlink = useUnlink(contactId, relation);
  const failed = useActionFailed();
  const [choice, setChoice] = useState('');
  const linked = new Set(state.rows.map((row) => row.id));
  const choices: Option[] = (options.data ?? []).filter((option) => !linked.has(option.value));
  const label = t(`sections.relations.${relation}.label`);

  return (
    <>
      {canChange && (
        <Paper withBorder radius="md" p="md" mb="md">
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={label}
              value={choice}
              onChange={(event) => setChoice(event.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...choices]}
              style={{ flex: '1 1 240px' }}
            />
            <Button
              disabled={!choice}
              loading={link.isPending}
              onClick={() => link.mutate(choice, { onSuccess: () => setChoice(''), onError: failed })}
            >
              {t('sections.relations.add')}
            </Button>
          </Group>
        </Paper>
      )}
      <DataTable<RelatedRow>
        {...state}
        caption={t(`record.tabs.${relation}`)}
        rowKey={(row) => row.id}
        empty={<EmptyState title={t(`sections.relations.${relation}.empty`)} />}
        columns={[
          { key: 'name', header: t('columns.name'), cell: (row) => row.name },
          { key: 'detail', header: '', visibleFrom: 'sm', cell: (row) => row.detail ?? '' },
          ...(canChange
            ? [
                {
                  key: 'actions',
                  header: t('sections.actions'),
                  align: 'right' as const,
                  width: 64,
                  cell: (row: RelatedRow) => (
                    <RowActions
                      actions={[
                        {
                          label: t('sections.relations.remove', { name: row.name }),
                          icon: <IconLinkOff size={18} aria-hidden />,
                          color: 'red',
                          onClick: () => unlink.mutate(row.id, { onError: failed }),
                        },
                      ]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
