import { Anchor, Badge, Button, Group } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { DataTable, type DataTableColumn } from '@/components/data-table/DataTable';
import { PageHeader } from '@/components/page/PageHeader';
import { EmptyState } from '@/components/states/EmptyState';
import { Can } from '@/lib/permissions/Can';
import { useGroups, type StaffGroup } from '../api/groups';
import { useStaffTranslation } from '../i18n';

/** Groups of staff (agents or specialists): create, rename, and manage members. */
export function GroupsPage() {
  const { t } = useStaffTranslation();
  const groups = useGroups();
  const columns: DataTableColumn<StaffGroup>[] = [
    {
      key: 'name',
      header: t('groups.columns.name'),
      cell: (group) => (
        <Anchor component={Link} to={`/staff/groups/${group.id}`} fw={500}>
          {group.name}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('groups.columns.kind'),
      cell: (group) => (
        <Badge variant="light" size="sm" color={group.kind === 'specialists' ? 'grape' : 'blue'}>
          {t(`groups.kinds.${group.kind}`)}
        </Badge>
      ),
    },
    { key: 'members', header: t('groups.columns.members'), align: 'right', cell: (group) => group.member_count },
  ];
  return (
    <>
      <Anchor component={Link} to="/staff" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('backToList')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('groups.title')}
        description={t('groups.description')}
        actions={
          <Can permission="groups:write">
            <Button component={Link} to="/staff/groups/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('groups.create')}
            </Button>
          </Can>
        }
      />
      <DataTable
        caption={t('groups.title')}
        columns={columns}
        rows={groups.data ?? []}
        rowKey={(group) => group.id}
        loading={groups.isPending}
        error={groups.error}
        onRetry={() => void groups.refetch()}
        empty={<EmptyState title={t('groups.empty')} icon={<IconUsersGroup size={28} aria-hidden />} />}
      />
      <Outlet />
    </>
  );
}
