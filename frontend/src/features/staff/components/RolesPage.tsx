import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { DataTable, type DataTableColumn } from '@/components/data-table/DataTable';
import { PageHeader } from '@/components/page/PageHeader';
import { EmptyState } from '@/components/states/EmptyState';
import { Can } from '@/lib/permissions/Can';
import { useRoles, type Role } from '../api/roles';
import { useStaffTranslation } from '../i18n';

/** Roles & permissions: built-in roles (read-only permissions) and the workspace's own. */
export function RolesPage() {
  const { t } = useStaffTranslation();
  const roles = useRoles();
  const columns: DataTableColumn<Role>[] = [
    {
      key: 'name',
      header: t('roles.columns.name'),
      cell: (role) => (
        <div>
          <Anchor component={Link} to={`/staff/roles/${role.id}`} fw={500}>
            {role.name}
          </Anchor>
          {role.description && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {role.description}
            </Text>
          )}
        </div>
      ),
    },
    {
      key: 'kind',
      header: t('roles.columns.kind'),
      cell: (role) => (
        <Group gap={4}>
          <Badge variant="light" color={role.built_in ? 'gray' : 'indigo'} size="sm">
            {role.built_in ? t('roles.builtIn') : t('roles.custom')}
          </Badge>
          {role.mfa_required && (
            <Badge variant="light" color="orange" size="sm">
              {t('roles.mfa')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'permissions',
      header: t('roles.columns.permissions'),
      visibleFrom: 'sm',
      cell: (role) =>
        t('roles.permissionCount', { count: role.permissions.length, optional: role.optional_permissions.length }),
    },
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
        title={t('roles.title')}
        description={t('roles.description')}
        actions={
          <Can permission="roles:write">
            <Button component={Link} to="/staff/roles/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('roles.create')}
            </Button>
          </Can>
        }
      />
      <DataTable
        caption={t('roles.title')}
        columns={columns}
        rows={roles.data ?? []}
        rowKey={(role) => role.id}
        loading={roles.isPending}
        error={roles.error}
        onRetry={() => void roles.refetch()}
        empty={<EmptyState title={t('roles.empty')} icon={<IconShieldCheck size={28} aria-hidden />} />}
      />
      <Outlet />
    </>
  );
}
