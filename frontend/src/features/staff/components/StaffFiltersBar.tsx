import { Button, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../api/groups';
import { useRoles } from '../api/roles';
import type { StaffFilterName, StaffFilterValues } from '../hooks/useStaffFilters';
import { useStaffTranslation } from '../i18n';

interface StaffFiltersBarProps {
  values: StaffFilterValues;
  onChange: (name: StaffFilterName, value: string) => void;
  onClear: () => void;
  canClear: boolean;
  /** Role and group filters need their lists, which need roles:read / groups:read. */
  canReadRoles: boolean;
  canReadGroups: boolean;
}

export function StaffFiltersBar({
  values,
  onChange,
  onClear,
  canClear,
  canReadRoles,
  canReadGroups,
}: StaffFiltersBarProps) {
  const { t } = useStaffTranslation();
  const { t: tc } = useTranslation('common');
  const roles = useRoles(canReadRoles);
  const groups = useGroups(canReadGroups);
  const select = (name: StaffFilterName) => ({
    value: values[name] || null,
    onChange: (value: string | null) => onChange(name, value ?? ''),
    clearable: true,
    style: { flex: '1 1 150px' },
  });

  return (
    <Group role="search" aria-label={t('filters.label')} align="flex-end" gap="sm" mb="md" wrap="wrap">
      <TextInput
        type="search"
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={values.q}
        onChange={(event) => onChange('q', event.currentTarget.value)}
        rightSection={
          values.q ? (
            <CloseButton size="sm" aria-label={tc('actions.clearSearch')} onClick={() => onChange('q', '')} />
          ) : null
        }
        style={{ flex: '2 1 220px' }}
        maxLength={200}
      />
      {canReadRoles && (
        <Select
          label={t('filters.role')}
          placeholder={t('filters.any')}
          data={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
          {...select('role_id')}
        />
      )}
      {canReadGroups && (
        <Select
          label={t('filters.group')}
          placeholder={t('filters.any')}
          data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
          searchable
          {...select('group_id')}
        />
      )}
      <Select
        label={t('filters.status')}
        placeholder={t('filters.any')}
        data={[
          { value: 'active', label: t('status.active') },
          { value: 'inactive', label: t('status.inactive') },
        ]}
        {...select('status')}
      />
      <Select
        label={t('filters.specialist')}
        placeholder={t('filters.any')}
        data={[
          { value: 'true', label: t('filters.specialistYes') },
          { value: 'false', label: t('filters.specialistNo') },
        ]}
        {...select('is_specialist')}
      />
      {canClear && (
        <Button variant="subtle" onClick={onClear}>
          {tc('actions.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
