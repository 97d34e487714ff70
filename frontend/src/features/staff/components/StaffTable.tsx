import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn, type DataTableProps } from '@/components/data-table/DataTable';
import type { StaffSummary } from '../api/users';
import { useStaffTranslation } from '../i18n';
import { fullName } from './fullName';
import { StatusBadge } from './StatusBadge';

type StaffTableProps = Omit<DataTableProps<StaffSummary>, 'caption' | 'columns' | 'rowKey'>;

export function StaffTable(props: StaffTableProps) {
  const { t, i18n } = useStaffTranslation();
  const columns: DataTableColumn<StaffSummary>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (user) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/staff/${user.id}`} fw={500}>
            {fullName(user)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'roles',
      header: t('columns.roles'),
      visibleFrom: 'sm',
      cell: (user) => (
        <Group gap={4}>
          {user.roles.map((role) => (
            <Badge key={role.id} variant="light" color="gray" size="sm">
              {role.name}
            </Badge>
          ))}
          {user.is_specialist && (
            <Badge variant="light" color="grape" size="sm">
              {t('specialist')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'status', header: t('columns.status'), cell: (user) => <StatusBadge status={user.status} /> },
    {
      key: 'last_login',
      header: t('columns.lastLogin'),
      visibleFrom: 'md',
      cell: (user) =>
        user.last_login_at
          ? new Date(user.last_login_at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
          : '—',
    },
  ];
  return <DataTable caption={t('title')} columns={columns} rowKey={(user) => user.id} {...props} />;
}
