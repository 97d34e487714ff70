import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useChangePassword } from '../api/changePassword';
import { useProfileTranslation } from '../i18n';

/** Change my password (current + new, typed twice); the API ends my other sessions. */
export function ChangePasswordForm() {
  const { t } = useProfileTranslation();
  const change = useChangePassword();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { current_password: '', new_password: '', repeat: '' },
    validate: { repeat: (value, values) => (value === values.new_password ? null : t('password.mismatch')) },
  });
  const { problem, report, reset } = useFormProblem(form, {
    codeFields: { current_password_incorrect: 'current_password' },
  });

  const submit = form.onSubmit(({ current_password, new_password }) => {
    reset();
    change.mutate(
      { current_password, new_password },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('password.changed') });
        },
        onError: report,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <FormAlert problem={problem} />
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          withAsterisk
          key={form.key('current_password')}
          {...form.getInputProps('current_password')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.hint')}
          autoComplete="new-password"
          withAsterisk
          key={form.key('new_password')}
          {...form.getInputProps('new_password')}
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          withAsterisk
          key={form.key('repeat')}
          {...form.getInputProps('repeat')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
