import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconClockExclamation } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { components } from '@/api/generated/schema';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { safeNextPath } from '@/lib/auth/redirect';
import { session } from '@/lib/auth/session';
import { useSessionTokens } from '@/lib/auth/useSession';
import { useLogin, type LoginRequest } from '../api/login';
import { readRememberedWorkspace, rememberWorkspace } from '../hooks/rememberedWorkspace';
import { useIdentityTranslation } from '../i18n';
import { AuthCard } from './AuthCard';
import { MfaChallengeForm } from './MfaChallengeForm';

type TokenPair = components['schemas']['TokenPair'];

/**
 * Workspace + email + password, then (for MFA users) the code step. Validation is the API's:
 * its field errors (localised) land under the inputs, and a refused sign-in shows its problem
 * detail above the form.
 */
export function SignInPage() {
  const { t } = useIdentityTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next')) ?? '/';
  const expired = params.get('reason') === 'expired';
  const notice = params.get('notice');
  const tokens = useSessionTokens();
  const queryClient = useQueryClient();
  const login = useLogin();
  const [challenge, setChallenge] = useState<{ mfaToken: string; workspace: string } | null>(null);

  const rememberedWorkspace = params.get('workspace') ?? readRememberedWorkspace();
  const form = useForm<LoginRequest>({
    mode: 'uncontrolled',
    initialValues: { workspace: rememberedWorkspace, email: params.get('email') ?? '', password: '' },
  });
  const { problem, report, reset } = useFormProblem(form);

  // Signed in (just now, or already): go where the user was heading.
  if (tokens) return <Navigate to={next} replace />;

  const start = (pair: TokenPair, workspace: string) => {
    rememberWorkspace(workspace);
    queryClient.removeQueries(); // nothing cached may leak from a previous user
    session.signIn(pair);
  };

  const submit = form.onSubmit((values) => {
    reset();
    login.mutate(values, {
      onSuccess: (answer) => {
        if ('mfa_required' in answer) setChallenge({ mfaToken: answer.mfa_token, workspace: values.workspace });
        else start(answer, values.workspace);
      },
      onError: (error) => {
        form.setFieldValue('password', '');
        report(error);
      },
    });
  });

  if (challenge) {
    return (
      <AuthCard title={t('mfa.title')} subtitle={t('signIn.subtitle')}>
        <MfaChallengeForm
          mfaToken={challenge.mfaToken}
          onVerified={(pair) => start(pair, challenge.workspace)}
          onCancel={() => {
            form.setFieldValue('password', '');
            setChallenge(null);
          }}
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      {expired && !problem && (
        <Alert color="yellow" variant="light" icon={<IconClockExclamation aria-hidden />} role="status">
          {t('signIn.expired')}
        </Alert>
      )}
      {notice === 'password-reset' && !problem && (
        <Alert color="green" variant="light" role="status">
          {t('reset.done')}
        </Alert>
      )}
      {notice === 'invitation-accepted' && !problem && (
        <Alert color="green" variant="light" role="status">
          {t('invitation.done')}
        </Alert>
      )}
      <FormAlert problem={problem} />

      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('signIn.workspace')}
            description={t('signIn.workspaceHint')}
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
            key={form.key('workspace')}
            {...form.getInputProps('workspace')}
          />
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            withAsterisk
            data-autofocus={rememberedWorkspace ? true : undefined}
            autoFocus={Boolean(rememberedWorkspace)}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            withAsterisk
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Group justify="center">
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('signIn.forgot')}
        </Anchor>
      </Group>
    </AuthCard>
  );
}
