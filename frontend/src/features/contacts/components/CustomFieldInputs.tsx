import { Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CustomField } from '../api/customFields';
import { useContactsTranslation } from '../i18n';
import { customFieldLabel } from './customFieldValues';

interface CustomFieldInputsProps<Values> {
  fields: readonly CustomField[];
  form: UseFormReturnType<Values>;
  /** Where the inputs live in the form's values, e.g. `custom_fields`. */
  path: string;
}

/** One input per additional field, by its type; required ones are marked (the API enforces them). */
export function CustomFieldInputs<Values>({ fields, form, path }: CustomFieldInputsProps<Values>) {
  const { t, i18n } = useContactsTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      {fields.map((field) => {
        const name = `${path}.${field.key}`;
        const label = customFieldLabel(field, i18n.language);
        const common = { label, withAsterisk: field.required };
        const key = form.key(name);
        switch (field.type) {
          case 'number':
            return <NumberInput key={key} {...common} {...form.getInputProps(name)} />;
          case 'date':
            return <TextInput key={key} {...common} type="date" {...form.getInputProps(name)} />;
          case 'boolean':
            return <Checkbox key={key} label={label} mt="lg" {...form.getInputProps(name, { type: 'checkbox' })} />;
          case 'select':
            return (
              <NativeSelect
                key={key}
                {...common}
                data={[{ value: '', label: t('form.none') }, ...field.options]}
                {...form.getInputProps(name)}
              />
            );
          case 'multiselect':
            return (
              <Checkbox.Group key={key} {...common} {...form.getInputProps(name)}>
                <Group gap="sm" mt={6}>
                  {field.options.map((option) => (
                    <Checkbox key={option} value={option} label={option} />
                  ))}
                </Group>
              </Checkbox.Group>
            );
          default:
            return <TextInput key={key} {...common} maxLength={1000} {...form.getInputProps(name)} />;
        }
      })}
    </SimpleGrid>
  );
}
