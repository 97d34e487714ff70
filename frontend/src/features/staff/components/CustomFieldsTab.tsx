import { Button, Group, MultiSelect, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useUserFields, type CustomField } from '../api/customFields';
import { useUpdateUser, type StaffUser } from '../api/users';
import { useStaffTranslation } from '../i18n';

type FieldValue = string | number | boolean | string[] | null;

/** The value an input starts with: what the user has, or the empty value of the field's type. */
function initialValue(field: CustomField, stored: unknown): FieldValue {
  if (field.type === 'boolean') return stored === true;
  if (field.type === 'multiselect') return Array.isArray(stored) ? stored.map(String) : [];
  if (field.type === 'number') return typeof stored === 'number' ? stored : '';
  return typeof stored === 'string' ? stored : '';
}

/** Blank inputs clear the field (`null`); everything else goes as typed, for the API to validate. */
function toStored(field: CustomField, value: FieldValue): FieldValue {
  if (value === '' || (Array.isArray(value) && value.length === 0 && field.type !== 'multiselect')) return null;
  return value;
}

function FieldInput({ field, label, inputProps }: { field: CustomField; label: string; inputProps: object }) {
  const common = { label, withAsterisk: field.required, ...inputProps };
  switch (field.type) {
    case 'number':
      return <NumberInput {...common} />;
    case 'date':
      return <TextInput type="date" {...common} />;
    case 'boolean':
      return <Switch label={label} {...inputProps} />;
    case 'select':
      return <Select data={field.options} clearable {...common} />;
    case 'multiselect':
      return <MultiSelect data={field.options} {...common} />;
    default:
      return <TextInput {...common} />;
  }
}

function CustomFieldsForm({ user, fields, canWrite }: { user: StaffUser; fields: CustomField[]; canWrite: boolean }) {
  const { t, i18n } = useStaffTranslation();
  const update = useUpdateUser(user.id);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      custom_fields: Object.fromEntries(
        fields.map((field) => [field.key, initialValue(field, user.custom_fields[field.key])]),
      ),
    },
  });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    const custom_fields = Object.fromEntries(
      fields.map((field) => [field.key, toStored(field, values.custom_fields[field.key] ?? null)]),
    );
    update.mutate(
      { custom_fields },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('saved') }), onError: report },
    );
  });
  const labelOf = (field: CustomField) => field.labels[i18n.language] ?? field.labels.es ?? field.key;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm" maw={640}>
          <FormAlert problem={problem} />
          {fields.map((field) => (
            <FieldInput
              key={form.key(`custom_fields.${field.key}`)}
              field={field}
              label={labelOf(field)}
              inputProps={form.getInputProps(`custom_fields.${field.key}`, {
                type: field.type === 'boolean' ? 'checkbox' : 'input',
              })}
            />
          ))}
          {canWrite && (
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** The workspace's additional fields for staff, filled in for this user. */
export function CustomFieldsTab({ user, canWrite }: { user: StaffUser; canWrite: boolean }) {
  const { t } = useStaffTranslation();
  const fields = useUserFields();
  if (fields.isPending) return <LoadingState />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  if (fields.data.length === 0)
    return <EmptyState title={t('fieldsTab.empty')} description={t('fieldsTab.emptyHint')} />;
  return <CustomFieldsForm key={user.updated_at} user={user} fields={fields.data} canWrite={canWrite} />;
}
