import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconClockExclamation } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { LanguageSwitch } from '@/components/language/LanguageSwitch';
import { safeNextPath } from '@/lib/auth/redirect';
import { session } from '@/lib/auth/session';
import { useSessionTokens } from '@/lib/auth/useSession';
import { useLogin, type LoginRequest } from '../api/login';
import { readRememberedWorkspace, rememberWorkspace } from '../hooks/rememberedWorkspace';
import { useIdentityTranslation } from '../i18n';

/**
 * Workspace + email + password. Validation is the API's: its field errors (localised) land
 * under the inputs, and a refused sign-in shows its problem detail above the form.
 */
export function SignInPage() {
  const { t } = useIdentityTranslation();
  useDocumentTitle(`${t('signIn.title')} · Ficha`);
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next')) ?? '/';
  const expired = params.get('reason') === 'expired';
  const tokens = useSessionTokens();
  const queryClient = useQueryClient();
  const login = useLogin();

  const rememberedWorkspace = readRememberedWorkspace();
  const form = useForm<LoginRequest>({
    mode: 'uncontrolled',
    initialValues: { workspace: rememberedWorkspace, email: '', password: '' },
  });
  const { problem, report, reset } = useFormProblem(form);

  // Signed in (just now, or already): go where the user was heading.
  if (tokens) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) => {
    reset();
    login.mutate(values, {
      onSuccess: (answer) => {
        // An MFA user gets a challenge instead of tokens: the MFA step handles it.
        if ('mfa_required' in answer) return;
        const pair = answer;
        rememberWorkspace(values.workspace);
        queryClient.removeQueries(); // nothing cached may leak from a previous user
        session.signIn(pair);
      },
      onError: (error) => {
        form.setFieldValue('password', '');
        report(error);
      },
    });
  });

  return (
    <Box mih="100dvh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Text fw={700} c="indigo.7" size="lg" aria-hidden>
                Ficha
              </Text>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('signIn.subtitle')}
              </Text>
            </div>

            {expired && !problem && (
              <Alert color="yellow" variant="light" icon={<IconClockExclamation aria-hidden />} role="status">
                {t('signIn.expired')}
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
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
