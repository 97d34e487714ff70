import { Alert, Button, Group, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useConfirmAction } from '@/components/confirm/useConfirmAction';
import { RouteDrawer } from '@/components/drawer/RouteDrawer';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useCan } from '@/lib/permissions/usePermissions';
import {
  useCreateRole,
  useDeleteRole,
  usePermissionCatalogue,
  useRoles,
  useUpdateRole,
  type Permission,
  type Role,
} from '../api/roles';
import { useStaffTranslation } from '../i18n';
import { PermissionMatrix, type Grant } from './PermissionMatrix';

function grantsOf(role: Role | undefined): Record<string, Grant> {
  const grants: Record<string, Grant> = {};
  for (const key of role?.permissions ?? []) grants[key] = 'granted';
  for (const key of role?.optional_permissions ?? []) grants[key] = 'optional';
  return grants;
}

function RoleForm({
  role,
  catalogue,
  onDone,
}: {
  role: Role | undefined;
  catalogue: Permission[];
  onDone: () => void;
}) {
  const { t } = useStaffTranslation();
  const canWrite = useCan('roles:write');
  const create = useCreateRole();
  const update = useUpdateRole();
  const remove = useDeleteRole();
  const confirm = useConfirmAction();
  const builtIn = role?.built_in ?? false;
  const [grants, setGrants] = useState(() => grantsOf(role));
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      mfa_required: role?.mfa_required ?? false,
    },
  });
  const { problem, report, reset } = useFormProblem(form, { codeFields: { role_key_taken: 'name' } });

  const submit = form.onSubmit(async (values) => {
    reset();
    const entries = Object.entries(grants);
    const permissions = builtIn ? undefined : entries.filter(([, grant]) => grant === 'granted').map(([key]) => key);
    const optional = builtIn ? undefined : entries.filter(([, grant]) => grant === 'optional').map(([key]) => key);
    try {
      if (role) {
        await update.mutateAsync({
          id: role.id,
          body: { ...values, ...(permissions ? { permissions, optional_permissions: optional } : {}) },
        });
      } else {
        await create.mutateAsync({ ...values, permissions: permissions ?? [], optional_permissions: optional ?? [] });
      }
      notifications.show({ color: 'teal', message: t('roles.saved', { name: values.name }) });
      onDone();
    } catch (error) {
      report(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          {builtIn && (
            <Alert color="gray" variant="light">
              {t('roles.builtInHint')}
            </Alert>
          )}
          <TextInput label={t('roles.form.name')} withAsterisk key={form.key('name')} {...form.getInputProps('name')} />
          <Textarea
            label={t('roles.form.description')}
            autosize
            minRows={2}
            key={form.key('description')}
            {...form.getInputProps('description')}
          />
          <Switch
            label={t('roles.form.mfaRequired')}
            description={t('roles.form.mfaRequiredHint')}
            key={form.key('mfa_required')}
            {...form.getInputProps('mfa_required', { type: 'checkbox' })}
          />
          <PermissionMatrix
            catalogue={catalogue}
            grants={grants}
            readOnly={builtIn || !canWrite}
            onChange={(key, grant) => setGrants((previous) => ({ ...previous, [key]: grant }))}
          />
          {canWrite && (
            <Group justify="space-between" mt="sm">
              {role && !builtIn ? (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    confirm({
                      title: t('roles.deleteTitle'),
                      body: t('roles.deleteBody', { name: role.name }),
                      confirmLabel: t('roles.delete'),
                      danger: true,
                      run: async () => {
                        await remove.mutateAsync(role.id);
                        onDone();
                      },
                      success: t('roles.deleted', { name: role.name }),
                      failure: t('roles.deleteFailed'),
                    })
                  }
                >
                  {t('roles.delete')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={create.isPending || update.isPending}>
                {t('save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** Create (`/staff/roles/new`) or edit (`/staff/roles/:roleId`) a role in a routed drawer. */
export function RoleDrawer() {
  const { t } = useStaffTranslation();
  const { roleId } = useParams();
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const navigate = useNavigate();
  const backToList = useCallback(() => void navigate('/staff/roles'), [navigate]);
  const role = roleId ? roles.data?.find((candidate) => candidate.id === roleId) : undefined;

  return (
    <RouteDrawer title={role ? role.name : t('roles.create')} onClosed={backToList} size="lg">
      {(close) =>
        roles.isPending || catalogue.isPending ? (
          <LoadingState />
        ) : roles.isError || catalogue.isError ? (
          <ErrorState error={roles.error ?? catalogue.error} />
        ) : roleId && !role ? (
          <Alert color="red">{t('roles.notFound')}</Alert>
        ) : (
          <RoleForm role={role} catalogue={catalogue.data} onDone={close} />
        )
      }
    </RouteDrawer>
  );
}
