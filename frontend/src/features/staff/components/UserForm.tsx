import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useRoles } from '../api/roles';
import { useStaffTranslation } from '../i18n';
import type { UserFormValues } from './userFormValues';

interface UserFormProps {
  initialValues: UserFormValues;
  submitLabel: string;
  submitting: boolean;
  /** Resolve on success; throw the API's error so it lands on the fields. */
  onSubmit: (values: UserFormValues) => Promise<void>;
  onCancel?: () => void;
}

/** A staff user's details (invite and edit). Validation is the API's: messages land under fields. */
export function UserForm({ initialValues, submitLabel, submitting, onSubmit, onCancel }: UserFormProps) {
  const { t } = useStaffTranslation();
  const roles = useRoles();
  const form = useForm<UserFormValues>({ mode: 'uncontrolled', initialValues });
  const { problem, report, reset } = useFormProblem(form, { codeFields: { user_email_taken: 'email' } });

  const submit = form.onSubmit(async (values) => {
    reset();
    try {
      await onSubmit(values);
    } catch (error) {
      report(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert problem={problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.firstName')}
            withAsterisk
            key={form.key('first_name')}
            {...form.getInputProps('first_name')}
          />
          <TextInput label={t('fields.lastName')} key={form.key('last_name')} {...form.getInputProps('last_name')} />
        </SimpleGrid>
        <TextInput
          label={t('fields.email')}
          type="email"
          withAsterisk
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.phone')} type="tel" key={form.key('phone')} {...form.getInputProps('phone')} />
          <Select
            label={t('fields.culture')}
            placeholder={t('fields.cultureDefault')}
            data={[
              { value: 'es', label: 'Español' },
              { value: 'en', label: 'English' },
              { value: 'pt', label: 'Português' },
            ]}
            key={form.key('culture')}
            {...form.getInputProps('culture')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('fields.roles')}
          description={t('fields.rolesHint')}
          data={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
          withAsterisk
          searchable
          key={form.key('roles')}
          {...form.getInputProps('roles')}
        />
        <Switch
          label={t('fields.isSpecialist')}
          description={t('fields.isSpecialistHint')}
          key={form.key('is_specialist')}
          {...form.getInputProps('is_specialist', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
