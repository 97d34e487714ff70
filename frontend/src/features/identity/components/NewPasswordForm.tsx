import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useIdentityTranslation } from '../i18n';

interface NewPasswordFormProps {
  submitLabel: string;
  pending: boolean;
  /** Send the password; call `onError` with the failure so it lands on the form. */
  onSubmit: (password: string, onError: (error: unknown) => void) => void;
}

/**
 * Choose a password (typed twice). The strength rules are the API's: its message lands under
 * the field. Only the "both match" check is local, since the API never sees the repetition.
 */
export function NewPasswordForm({ submitLabel, pending, onSubmit }: NewPasswordFormProps) {
  const { t } = useIdentityTranslation();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '', repeat: '' },
    validate: { repeat: (value, values) => (value === values.password ? null : t('password.mismatch')) },
  });
  const { problem, report, reset } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    reset();
    onSubmit(values.password, report);
  });

  return (
    <>
      <FormAlert problem={problem} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint')}
            autoComplete="new-password"
            withAsterisk
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('password.repeat')}
            autoComplete="new-password"
            withAsterisk
            key={form.key('repeat')}
            {...form.getInputProps('repeat')}
          />
          <Button type="submit" loading={pending} fullWidth>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </>
  );
}
