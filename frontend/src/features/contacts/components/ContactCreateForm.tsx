import { Anchor, Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { isApiError } from '@/lib/api/problem';
import type { CustomField } from '../api/customFields';
import type { ContactCreate } from '../api/createContact';
import type { ContactKind } from '../api/keys';
import { useContactsTranslation } from '../i18n';
import { toContactCreateBody, type ContactCreateValues } from './contactCreateValues';
import { CustomFieldInputs } from './CustomFieldInputs';
import { toCustomFieldInputs } from './customFieldValues';

const CODE_FIELDS = { contact_email_taken: 'email' };

/** The existing record of a duplicate-email conflict (the 409 carries its id). */
function existingIdOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'contact_email_taken') return null;
  const id = error.problem.extensions?.existing_id;
  return typeof id === 'string' ? id : null;
}

interface ContactCreateFormProps {
  kind: ContactKind;
  fields: readonly CustomField[];
  submitting: boolean;
  onSubmit: (body: ContactCreate) => Promise<unknown>;
  onCancel: () => void;
}

/** The few fields a new contact needs, plus the workspace's additional fields. */
export function ContactCreateForm({ kind, fields, submitting, onSubmit, onCancel }: ContactCreateFormProps) {
  const { t } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const form = useForm<ContactCreateValues>({
    mode: 'uncontrolled',
    initialValues: {
      first_name: '',
      last_name: '',
      email: '',
      phone: '',
      document_id: '',
      origin: '',
      custom_fields: toCustomFieldInputs(fields),
    },
  });
  const { problem, report, reset } = useFormProblem(form, { codeFields: CODE_FIELDS });
  const existingId = existingIdOf(problem?.error);

  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    onSubmit(toContactCreateBody(kind, values, fields)).catch(report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert problem={problem} />
        {existingId && (
          <Anchor component={Link} to={`/contacts/${existingId}`} size="sm">
            {t('form.openExisting')}
          </Anchor>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('form.firstName')}
            withAsterisk
            maxLength={100}
            data-autofocus
            key={form.key('first_name')}
            {...form.getInputProps('first_name')}
          />
          <TextInput
            label={t('form.lastName')}
            maxLength={100}
            key={form.key('last_name')}
            {...form.getInputProps('last_name')}
          />
          <TextInput label={t('form.email')} type="email" key={form.key('email')} {...form.getInputProps('email')} />
          <TextInput
            label={t('form.phone')}
            type="tel"
            maxLength={40}
            key={form.key('phone')}
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('form.documentId')}
            maxLength={40}
            key={form.key('document_id')}
            {...form.getInputProps('document_id')}
          />
          <TextInput
            label={t('form.origin')}
            placeholder={t('form.originPlaceholder')}
            maxLength={100}
            key={form.key('origin')}
            {...form.getInputProps('origin')}
          />
        </SimpleGrid>
        {fields.length > 0 && (
          <Fieldset legend={t('form.additional')} variant="filled">
            <CustomFieldInputs fields={fields} form={form} path="custom_fields" />
          </Fieldset>
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {tc('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
