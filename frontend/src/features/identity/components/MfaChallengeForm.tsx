import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import type { components } from '@/api/generated/schema';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useVerifyMfa } from '../api/verifyMfa';
import { useIdentityTranslation } from '../i18n';

type TokenPair = components['schemas']['TokenPair'];

interface MfaChallengeFormProps {
  mfaToken: string;
  onVerified: (pair: TokenPair) => void;
  /** Back to the password step (e.g. the challenge expired). */
  onCancel: () => void;
}

/**
 * The second step of an MFA sign-in: the 6-digit code from the authenticator app, or (when the
 * phone is lost) one of the recovery codes. The API says which was wrong; the code is cleared.
 */
export function MfaChallengeForm({ mfaToken, onVerified, onCancel }: MfaChallengeFormProps) {
  const { t } = useIdentityTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const verify = useVerifyMfa();
  const form = useForm({ mode: 'uncontrolled', initialValues: { code: '', recovery_code: '' } });
  // A wrong code is the API's `mfa_code_invalid` with no `loc`: show it under the input in use.
  const codeFields = useMemo(() => {
    const field = useRecovery ? 'recovery_code' : 'code';
    return { mfa_code_invalid: field, mfa_code_already_used: field };
  }, [useRecovery]);
  const { problem, report, reset } = useFormProblem(form, { codeFields });

  const submit = form.onSubmit((values) => {
    reset();
    const body = useRecovery
      ? { mfa_token: mfaToken, recovery_code: values.recovery_code.trim() }
      : { mfa_token: mfaToken, code: values.code.trim() };
    verify.mutate(body, {
      onSuccess: (pair) => onVerified(pair),
      onError: (error) => {
        form.setValues({ code: '', recovery_code: '' });
        report(error);
      },
    });
  });

  const toggle = () => {
    reset();
    form.clearErrors();
    setUseRecovery((value) => !value);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{useRecovery ? t('mfa.recoveryIntro') : t('mfa.intro')}</Text>
      <FormAlert problem={problem} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {useRecovery ? (
            <TextInput
              label={t('mfa.recoveryCode')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              withAsterisk
              key={form.key('recovery_code')}
              {...form.getInputProps('recovery_code')}
            />
          ) : (
            <TextInput
              label={t('mfa.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              withAsterisk
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
          )}
          <Button type="submit" loading={verify.isPending} fullWidth>
            {t('mfa.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component="button" type="button" size="sm" onClick={toggle}>
        {useRecovery ? t('mfa.useCode') : t('mfa.useRecovery')}
      </Anchor>
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onCancel}>
        {t('mfa.back')}
      </Anchor>
    </Stack>
  );
}
