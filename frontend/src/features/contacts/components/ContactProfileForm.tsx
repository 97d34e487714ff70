import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { CoordinatePicker } from '@/components/geo/CoordinatePicker';
import { useCan } from '@/lib/permissions/usePermissions';
import type { CustomField } from '../api/customFields';
import type { ContactRead } from '../api/keys';
import { useLocationChoices } from '../api/locationChoices';
import { useOptions } from '../api/options';
import { useUpdateContact } from '../api/updateContact';
import { useContactsTranslation } from '../i18n';
import { changedProfile, fromContact, type ContactProfileValues } from './contactProfileValues';
import { CustomFieldInputs } from './CustomFieldInputs';

export type ProfileSection = 'details' | 'address' | 'additional';

interface ContactProfileFormProps {
  contact: ContactRead;
  fields: readonly CustomField[];
  section: ProfileSection;
}

const CODE_FIELDS = { contact_email_taken: 'email' };
const GENDERS = ['female', 'male', 'non_binary', 'other', 'undisclosed'] as const;
const CULTURES = ['es', 'en', 'pt'] as const;

/**
 * One tab of the record's profile. Each tab edits its own fields and sends only what changed;
 * the API validates and its messages land under the inputs.
 */
export function ContactProfileForm({ contact, fields, section }: ContactProfileFormProps) {
  const { t } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const canWrite = useCan('contacts:write');
  const update = useUpdateContact(contact.id);
  const initial = fromContact(contact, fields);
  const form = useForm<ContactProfileValues>({ mode: 'controlled', initialValues: initial });
  const { problem, report, reset } = useFormProblem(form, { codeFields: CODE_FIELDS });
  const owners = useOptions('owners', section === 'details');
  const locations = useLocationChoices(section === 'address');

  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    const changes = changedProfile(values, initial, fields);
    if (Object.keys(changes).length === 0) return;
    update.mutate(changes, {
      onSuccess: (saved) => {
        form.setValues(fromContact(saved, fields));
        form.resetDirty(fromContact(saved, fields));
        notifications.show({ color: 'teal', message: t('notify.saved') });
        for (const warning of saved.warnings ?? []) {
          notifications.show({ color: 'yellow', title: t('notify.phoneWarning'), message: warning.message });
        }
      },
      onError: report,
    });
  });

  /** Choosing a location copies its address and coordinates into the inputs (still editable). */
  const chooseLocation = (locationId: string) => {
    form.setFieldValue('location_id', locationId);
    const location = locations.data?.find((item) => item.id === locationId);
    if (!location) return;
    form.setValues({
      street: location.street ?? '',
      city: location.city ?? '',
      state: location.state ?? '',
      country: location.country ?? '',
      postal_code: location.postal_code ?? '',
      latitude: location.latitude ?? '',
      longitude: location.longitude ?? '',
    });
  };

  const values = form.getValues();

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          {section === 'details' && (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <TextInput
                label={t('form.firstName')}
                withAsterisk
                maxLength={100}
                {...form.getInputProps('first_name')}
              />
              <TextInput label={t('form.lastName')} maxLength={100} {...form.getInputProps('last_name')} />
              <TextInput label={t('form.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('form.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
              <TextInput label={t('form.documentId')} maxLength={40} {...form.getInputProps('document_id')} />
              <TextInput label={t('form.birthDate')} type="date" {...form.getInputProps('birth_date')} />
              <NativeSelect
                label={t('form.gender')}
                data={[
                  { value: '', label: t('form.none') },
                  ...GENDERS.map((g) => ({ value: g, label: t(`form.genders.${g}`) })),
                ]}
                {...form.getInputProps('gender')}
              />
              <NativeSelect
                label={t('form.culture')}
                data={CULTURES.map((c) => ({ value: c, label: t(`form.cultures.${c}`) }))}
                {...form.getInputProps('culture')}
              />
              <NativeSelect
                label={t('form.status')}
                data={[
                  { value: 'active', label: t('status.active') },
                  { value: 'inactive', label: t('status.inactive') },
                ]}
                {...form.getInputProps('status')}
              />
              <TextInput
                label={t('form.origin')}
                placeholder={t('form.originPlaceholder')}
                maxLength={100}
                {...form.getInputProps('origin')}
              />
              <TextInput label={t('form.center')} maxLength={100} {...form.getInputProps('center')} />
              <NativeSelect
                label={t('form.owner')}
                data={[{ value: '', label: t('form.none') }, ...(owners.data ?? [])]}
                {...form.getInputProps('owner_id')}
              />
            </SimpleGrid>
          )}
          {section === 'address' && (
            <>
              <NativeSelect
                label={t('form.location')}
                description={t('form.locationHint')}
                data={[
                  { value: '', label: t('form.none') },
                  ...(locations.data ?? []).map((l) => ({ value: l.id, label: l.name })),
                ]}
                {...form.getInputProps('location_id')}
                onChange={(event) => chooseLocation(event.currentTarget.value)}
                maw={420}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('form.street')} maxLength={200} {...form.getInputProps('street')} />
                <TextInput label={t('form.city')} maxLength={100} {...form.getInputProps('city')} />
                <TextInput label={t('form.state')} maxLength={100} {...form.getInputProps('state')} />
                <TextInput label={t('form.country')} maxLength={100} {...form.getInputProps('country')} />
                <TextInput label={t('form.postalCode')} maxLength={20} {...form.getInputProps('postal_code')} />
              </SimpleGrid>
              <Fieldset legend={t('form.coordinates')} variant="filled">
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  <Stack gap="sm">
                    <NumberInput
                      label={t('form.latitude')}
                      decimalScale={6}
                      min={-90}
                      max={90}
                      clampBehavior="none"
                      {...form.getInputProps('latitude')}
                    />
                    <NumberInput
                      label={t('form.longitude')}
                      decimalScale={6}
                      min={-180}
                      max={180}
                      clampBehavior="none"
                      {...form.getInputProps('longitude')}
                    />
                  </Stack>
                  <CoordinatePicker
                    latitude={values.latitude}
                    longitude={values.longitude}
                    onPick={(point) => form.setValues({ latitude: point.latitude, longitude: point.longitude })}
                  />
                </SimpleGrid>
              </Fieldset>
            </>
          )}
          {section === 'additional' && <CustomFieldInputs fields={fields} form={form} path="custom_fields" />}
          {canWrite && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => form.reset()} disabled={update.isPending || !form.isDirty()}>
                {tc('actions.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {tc('actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
