import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { ErrorState } from '@/components/states/ErrorState';
import { useEnableMfa, useSetupMfa } from '../api/mfa';
import { useProfileTranslation } from '../i18n';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

const CODE_FIELDS = { mfa_code_invalid: 'code', mfa_code_already_used: 'code' };

/**
 * Enrol in MFA: ask for a secret, show it as a QR code (and as text, for typing), confirm a
 * first code, then show the recovery codes once. `onDone` runs after the codes were seen.
 */
export function MfaEnrolment({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useProfileTranslation();
  const setup = useSetupMfa();
  const enable = useEnableMfa();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm({ mode: 'uncontrolled', initialValues: { code: '' } });
  const { problem, report, reset } = useFormProblem(form, { codeFields: CODE_FIELDS });

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onDone} />;

  if (!setup.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('mfa.intro')}</Text>
        {setup.isError && <ErrorState error={setup.error} />}
        <Group gap="xs">
          <Button onClick={() => setup.mutate()} loading={setup.isPending}>
            {t('mfa.start')}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const { qr_svg: qrSvg, secret } = setup.data;
  const submit = form.onSubmit(({ code }) => {
    reset();
    enable.mutate(code.trim(), {
      onSuccess: (answer) => setCodes(answer.recovery_codes),
      onError: (error) => {
        form.setFieldValue('code', '');
        report(error);
      },
    });
  });

  return (
    <Stack gap="sm">
      <Text size="sm">{t('mfa.scan')}</Text>
      <Image
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
        alt={t('mfa.qrAlt')}
        w={200}
        h={200}
        fit="contain"
        bg="white"
      />
      <Text size="sm">
        {t('mfa.secret')} <Code data-testid="mfa-secret">{secret}</Code>
      </Text>
      <FormAlert problem={problem} />
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            withAsterisk
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={enable.isPending}>
            {t('mfa.confirm')}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
        </Group>
      </form>
    </Stack>
  );
}
