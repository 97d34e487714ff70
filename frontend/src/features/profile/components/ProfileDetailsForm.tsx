import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import type { CurrentUser } from '@/lib/auth/currentUser';
import { changeLanguage } from '@/lib/i18n/i18n';
import { useUpdateProfile } from '../api/updateProfile';
import { useProfileTranslation } from '../i18n';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Madrid', 'Europe/Lisbon', 'America/Sao_Paulo', 'America/Mexico_City'];
  }
}

/** Name, phone, language and time zone. An empty phone or time zone clears it. */
export function ProfileDetailsForm({ user }: { user: CurrentUser }) {
  const { t } = useProfileTranslation();
  const update = useUpdateProfile();
  const zones = useMemo(() => timeZones(), []);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      first_name: user.first_name,
      last_name: user.last_name,
      phone: user.phone ?? '',
      culture: user.culture,
      timezone: user.timezone ?? '',
    },
  });
  const { problem, report, reset } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    reset();
    update.mutate(
      {
        first_name: values.first_name,
        last_name: values.last_name,
        phone: values.phone.trim() || null,
        culture: values.culture,
        timezone: values.timezone || null,
      },
      {
        onSuccess: (me) => {
          // A new culture is a new language for the console too, at once.
          if (me.culture !== user.culture) void changeLanguage(me.culture);
          notifications.show({ color: 'green', message: t('details.saved') });
        },
        onError: report,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        <FormAlert problem={problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('details.firstName')}
            withAsterisk
            key={form.key('first_name')}
            {...form.getInputProps('first_name')}
          />
          <TextInput label={t('details.lastName')} key={form.key('last_name')} {...form.getInputProps('last_name')} />
          <TextInput label={t('details.email')} value={user.email} readOnly description={t('details.emailHint')} />
          <TextInput
            label={t('details.phone')}
            type="tel"
            autoComplete="tel"
            key={form.key('phone')}
            {...form.getInputProps('phone')}
          />
          <Select
            label={t('details.culture')}
            description={t('details.cultureHint')}
            data={[
              { value: 'es', label: 'Español' },
              { value: 'en', label: 'English' },
              { value: 'pt', label: 'Português' },
            ]}
            allowDeselect={false}
            key={form.key('culture')}
            {...form.getInputProps('culture')}
          />
          <Select
            label={t('details.timezone')}
            data={zones}
            searchable
            clearable
            limit={50}
            nothingFoundMessage={t('details.noTimezone')}
            key={form.key('timezone')}
            {...form.getInputProps('timezone')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('details.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
