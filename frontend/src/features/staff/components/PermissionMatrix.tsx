import { Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Permission } from '../api/roles';
import { byDomain } from './permissionGroups';
import { useStaffTranslation } from '../i18n';

export type Grant = 'none' | 'granted' | 'optional';

interface PermissionMatrixProps {
  catalogue: Permission[];
  grants: Record<string, Grant>;
  onChange: (key: string, grant: Grant) => void;
  readOnly: boolean;
}

/**
 * The permission catalogue grouped by domain: each permission is granted to every holder of
 * the role, or optional (an administrator may grant it per user), or neither.
 */
export function PermissionMatrix({ catalogue, grants, onChange, readOnly }: PermissionMatrixProps) {
  const { t } = useStaffTranslation();
  return (
    <Table verticalSpacing={4} aria-label={t('roles.form.permissions')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>
            <VisuallyHidden>{t('roles.form.permission')}</VisuallyHidden>
          </Table.Th>
          <Table.Th ta="center">{t('roles.form.granted')}</Table.Th>
          <Table.Th ta="center">{t('roles.form.optional')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      {byDomain(catalogue).map(([domain, permissions]) => (
        <Table.Tbody key={domain}>
          <Table.Tr>
            <Table.Th colSpan={3} bg="gray.0">
              {domain}
            </Table.Th>
          </Table.Tr>
          {permissions.map((permission) => {
            const grant = grants[permission.key] ?? 'none';
            return (
              <Table.Tr key={permission.key}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {permission.key}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {permission.description}
                  </Text>
                </Table.Td>
                <Table.Td ta="center">
                  <Checkbox
                    aria-label={t('roles.form.grantedOf', { key: permission.key })}
                    checked={grant === 'granted'}
                    disabled={readOnly}
                    onChange={(event) => onChange(permission.key, event.currentTarget.checked ? 'granted' : 'none')}
                    styles={{ body: { justifyContent: 'center' } }}
                  />
                </Table.Td>
                <Table.Td ta="center">
                  <Checkbox
                    aria-label={t('roles.form.optionalOf', { key: permission.key })}
                    checked={grant === 'optional'}
                    disabled={readOnly}
                    onChange={(event) => onChange(permission.key, event.currentTarget.checked ? 'optional' : 'none')}
                    styles={{ body: { justifyContent: 'center' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      ))}
    </Table>
  );
}
