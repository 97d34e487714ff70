import { Button, CloseButton, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LocationSort } from '../api/keys';
import { LOCATION_SORTS } from '../hooks/useLocationFilters';
import { useLocationsTranslation } from '../i18n';

interface LocationFiltersBarProps {
  values: { q: string; city: string; sort: LocationSort };
  onChange: (name: 'q' | 'city' | 'sort', value: string) => void;
  onClear: () => void;
  canClear: boolean;
}

export function LocationFiltersBar({ values, onChange, onClear, canClear }: LocationFiltersBarProps) {
  const { t } = useLocationsTranslation();
  const { t: tc } = useTranslation('common');
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
      <TextInput
        label={t('filters.city')}
        placeholder={t('filters.cityPlaceholder')}
        value={values.city}
        onChange={(event) => onChange('city', event.currentTarget.value)}
        style={{ flex: '1 1 160px' }}
        maxLength={100}
      />
      <NativeSelect
        label={t('filters.sort')}
        value={values.sort}
        onChange={(event) => onChange('sort', event.currentTarget.value)}
        data={LOCATION_SORTS.map((sort) => ({ value: sort, label: t(`filters.sorts.${sort}`) }))}
        style={{ flex: '1 1 160px' }}
      />
      {canClear && (
        <Button variant="subtle" onClick={onClear}>
          {tc('actions.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
