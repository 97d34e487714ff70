import { Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useLocationsTranslation } from '../i18n';
import type { LocationFormValues } from './locationFormValues';

interface LocationFormProps {
  initialValues: LocationFormValues;
  submitting: boolean;
  /** Send the values; reject with the API's error to have it shown on the fields. */
  onSubmit: (values: LocationFormValues) => Promise<unknown>;
  onCancel: () => void;
}

/** A problem that names no field but concerns one: shown under that field. */
const CODE_FIELDS = { location_name_taken: 'name' };

/**
 * Create and edit share this form. Rules live in the API: the form sends what was typed and
 * puts each `errors[].loc` message under its input (in the user's language), so client and
 * server can never disagree about what is valid.
 */
export function LocationForm({ initialValues, submitting, onSubmit, onCancel }: LocationFormProps) {
  const { t } = useLocationsTranslation();
  const { t: tc } = useTranslation('common');
  const form = useForm<LocationFormValues>({ mode: 'uncontrolled', initialValues });
  const { problem, report, reset } = useFormProblem(form, { codeFields: CODE_FIELDS });

  const submit = form.onSubmit((values) => {
    reset();
    form.clearErrors();
    onSubmit(values).catch(report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert problem={problem} />
        <TextInput
          label={t('fields.name')}
          withAsterisk
          maxLength={200}
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('fields.street')}
          maxLength={200}
          key={form.key('street')}
          {...form.getInputProps('street')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('fields.city')} maxLength={100} key={form.key('city')} {...form.getInputProps('city')} />
          <TextInput
            label={t('fields.state')}
            maxLength={100}
            key={form.key('state')}
            {...form.getInputProps('state')}
          />
          <TextInput
            label={t('fields.country')}
            maxLength={100}
            key={form.key('country')}
            {...form.getInputProps('country')}
          />
          <TextInput
            label={t('fields.postalCode')}
            maxLength={20}
            key={form.key('postal_code')}
            {...form.getInputProps('postal_code')}
          />
        </SimpleGrid>
        <Fieldset legend={t('fields.coordinates')} variant="filled" aria-describedby="location-coordinates-hint">
          <Text id="location-coordinates-hint" size="xs" c="dimmed" mb="xs">
            {t('fields.coordinatesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label={t('fields.latitude')}
              decimalScale={6}
              min={-90}
              max={90}
              clampBehavior="none"
              key={form.key('latitude')}
              {...form.getInputProps('latitude')}
            />
            <NumberInput
              label={t('fields.longitude')}
              decimalScale={6}
              min={-180}
              max={180}
              clampBehavior="none"
              key={form.key('longitude')}
              {...form.getInputProps('longitude')}
            />
          </SimpleGrid>
        </Fieldset>
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
