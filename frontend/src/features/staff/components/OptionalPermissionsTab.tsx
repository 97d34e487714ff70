import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useSetUserPermissions, useUserPermissions } from '../api/userPermissions';
import { useStaffTranslation } from '../i18n';

interface OptionalPermissionsEditorProps {
  offered: string[];
  granted: string[];
  canWrite: boolean;
  saving: boolean;
  error: unknown;
  onSave: (granted: string[]) => void;
}

/**
 * The optional permissions the user's roles offer, as checkboxes: only those (the API refuses
 * any other), checked when granted. Saving sends exactly the checked set.
 */
export function OptionalPermissionsEditor({
  offered,
  granted,
  canWrite,
  saving,
  error,
  onSave,
}: OptionalPermissionsEditorProps) {
  const { t } = useStaffTranslation();
  const [checked, setChecked] = useState<string[]>(() => granted.filter((key) => offered.includes(key)));
  if (offered.length === 0)
    return <EmptyState title={t('permissions.noneOffered')} description={t('permissions.noneOfferedHint')} />;
  return (
    <Stack gap="sm" maw={640}>
      <Text size="sm" c="dimmed">
        {t('permissions.intro')}
      </Text>
      {error ? <FormAlert problem={{ error, onFields: false, unmatched: [] }} /> : null}
      <Checkbox.Group label={t('permissions.label')} value={checked} onChange={setChecked}>
        <Stack gap={6} mt="xs">
          {offered.map((key) => (
            <Checkbox key={key} value={key} label={key} disabled={!canWrite} />
          ))}
        </Stack>
      </Checkbox.Group>
      {canWrite && (
        <Group>
          <Button loading={saving} onClick={() => onSave(checked)}>
            {t('permissions.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function OptionalPermissionsTab({ userId, canWrite }: { userId: string; canWrite: boolean }) {
  const { t } = useStaffTranslation();
  const permissions = useUserPermissions(userId);
  const save = useSetUserPermissions(userId);
  if (permissions.isPending) return <LoadingState />;
  if (permissions.isError) return <ErrorState error={permissions.error} onRetry={() => void permissions.refetch()} />;
  return (
    <OptionalPermissionsEditor
      key={permissions.dataUpdatedAt}
      offered={permissions.data.offered}
      granted={permissions.data.optional_permissions}
      canWrite={canWrite}
      saving={save.isPending}
      error={save.error}
      onSave={(granted) =>
        save.mutate(granted, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('permissions.saved') }),
        })
      }
    />
  );
}
