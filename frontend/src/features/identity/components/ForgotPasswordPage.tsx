import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useForgotPassword, type ForgotPasswordRequest } from '../api/forgotPassword';
import { readRememberedWorkspace } from '../hooks/rememberedWorkspace';
import { useIdentityTranslation } from '../i18n';
import { AuthCard } from './AuthCard';

/** Ask for a reset link. The answer never says whether the account exists (no enumeration). */
export function ForgotPasswordPage() {
  const { t } = useIdentityTranslation();
  const forgot = useForgotPassword();
  const form = useForm<ForgotPasswordRequest>({
    mode: 'uncontrolled',
    initialValues: { workspace: readRememberedWorkspace(), email: '' },
  });
  const { problem, report, reset } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    reset();
    forgot.mutate(values, { onError: report });
  });

  return (
    <AuthCard title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      {forgot.isSuccess ? (
        <Alert color="green" variant="light" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <>
          <FormAlert problem={problem} />
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('signIn.workspace')}
                autoComplete="organization"
                autoCapitalize="none"
                withAsterisk
                key={form.key('workspace')}
                {...form.getInputProps('workspace')}
              />
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                withAsterisk
                key={form.key('email')}
                {...form.getInputProps('email')}
              />
              <Button type="submit" loading={forgot.isPending} fullWidth>
                {t('forgot.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Group justify="center">
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('common.backToSignIn')}
        </Anchor>
      </Group>
    </AuthCard>
  );
}
