import { Button, CloseButton, Collapse, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useContactCustomFields, type CustomField } from '../api/customFields';
import { useOptions, type Option, type OptionSource } from '../api/options';
import { CONTACT_SORTS, customParam, type ContactFilterValues } from '../hooks/contactFilters';
import { useContactsTranslation } from '../i18n';
import { customFieldLabel } from './customFieldValues';

interface ContactFiltersBarProps {
  values: ContactFilterValues;
  onChange: (param: string, value: string) => void;
  onClear: () => void;
  canClear: boolean;
}

function OptionFilter({
  source,
  label,
  value,
  onChange,
}: {
  source: OptionSource;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useContactsTranslation();
  const options = useOptions(source);
  const data: Option[] = [{ value: '', label: t('filters.any') }, ...(options.data ?? [])];
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={data}
      disabled={options.isPending && !options.isError}
    />
  );
}

/** A filter for an additional field: a choice for select/boolean ones, text for the rest. */
function CustomFieldFilter({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useContactsTranslation();
  const label = customFieldLabel(field, i18n.language);
  if (field.type === 'select' || field.type === 'multiselect' || field.type === 'boolean') {
    const choices =
      field.type === 'boolean'
        ? [
            { value: 'true', label: t('filters.yes') },
            { value: 'false', label: t('filters.no') },
          ]
        : field.options.map((option) => ({ value: option, label: option }));
    return (
      <NativeSelect
        label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        data={[{ value: '', label: t('filters.any') }, ...choices]}
      />
    );
  }
  return (
    <TextInput
      label={label}
      type={field.type === 'date' ? 'date' : 'text'}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

export function ContactFiltersBar({ values, onChange, onClear, canClear }: ContactFiltersBarProps) {
  const { t } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const customFields = useContactCustomFields();
  const [more, { toggle }] = useDisclosure(
    Boolean(
      values.group_id ||
      values.company_id ||
      values.project_id ||
      values.owner_id ||
      values.created_from ||
      values.created_to ||
      Object.keys(values.custom).length,
    ),
  );

  return (
    <div role="search" aria-label={t('filters.label')}>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
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
          style={{ flex: '3 1 240px' }}
          maxLength={200}
        />
        <NativeSelect
          label={t('filters.status')}
          value={values.status}
          onChange={(event) => onChange('status', event.currentTarget.value)}
          data={[
            { value: '', label: t('filters.anyStatus') },
            { value: 'active', label: t('status.active') },
            { value: 'inactive', label: t('status.inactive') },
          ]}
          style={{ flex: '1 1 130px' }}
        />
        <TextInput
          label={t('filters.city')}
          placeholder={t('filters.cityPlaceholder')}
          value={values.city}
          onChange={(event) => onChange('city', event.currentTarget.value)}
          style={{ flex: '1 1 140px' }}
          maxLength={100}
        />
        <NativeSelect
          label={t('filters.sort')}
          value={values.sort}
          onChange={(event) => onChange('sort', event.currentTarget.value)}
          data={CONTACT_SORTS.map((sort) => ({ value: sort, label: t(`filters.sorts.${sort}`) }))}
          style={{ flex: '1 1 170px' }}
        />
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={toggle}
          aria-expanded={more}
          aria-controls="contact-more-filters"
        >
          {more ? t('filters.fewer') : t('filters.more')}
        </Button>
        {canClear && (
          <Button variant="subtle" onClick={onClear}>
            {tc('actions.clearFilters')}
          </Button>
        )}
      </Group>
      <Collapse expanded={more} id="contact-more-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <OptionFilter
            source="groups"
            label={t('filters.group')}
            value={values.group_id}
            onChange={(v) => onChange('group_id', v)}
          />
          <OptionFilter
            source="companies"
            label={t('filters.company')}
            value={values.company_id}
            onChange={(v) => onChange('company_id', v)}
          />
          <OptionFilter
            source="projects"
            label={t('filters.project')}
            value={values.project_id}
            onChange={(v) => onChange('project_id', v)}
          />
          <OptionFilter
            source="owners"
            label={t('filters.owner')}
            value={values.owner_id}
            onChange={(v) => onChange('owner_id', v)}
          />
          <TextInput
            type="date"
            label={t('filters.createdFrom')}
            value={values.created_from}
            onChange={(event) => onChange('created_from', event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('filters.createdTo')}
            value={values.created_to}
            onChange={(event) => onChange('created_to', event.currentTarget.value)}
          />
          {(customFields.data ?? []).map((field) => (
            <CustomFieldFilter
              key={field.id}
              field={field}
              value={values.custom[field.key] ?? ''}
              onChange={(v) => onChange(customParam(field.key), v)}
            />
          ))}
        </SimpleGrid>
      </Collapse>
    </div>
  );
}
