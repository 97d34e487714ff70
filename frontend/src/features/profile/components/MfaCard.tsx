import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { ME_QUERY_KEY, type CurrentUser } from '@/lib/auth/currentUser';
import { useDisableMfa, useRegenerateRecoveryCodes } from '../api/mfa';
import { useProfileTranslation } from '../i18n';
import { MfaEnrolment } from './MfaEnrolment';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

type Mode = 'idle' | 'disable' | 'regenerate';

const CODE_FIELDS = { mfa_code_invalid: 'code', mfa_code_already_used: 'code' };

/** Both "turn off" and "new recovery codes" need a current code: one small form. */
function CodeForm({
  submitLabel,
  danger,
  pending,
  onSubmit,
  onCancel,
}: {
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  onSubmit: (code: string, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const { t } = useProfileTranslation();
  const form = useForm({ mode: 'uncontrolled', initialValues: { code: '' } });
  const { problem, report, reset } = useFormProblem(form, { codeFields: CODE_FIELDS });
  const submit = form.onSubmit(({ code }) => {
    reset();
    onSubmit(code.trim(), (error) => {
      form.setFieldValue('code', '');
      report(error);
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormAlert problem={problem} />
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            withAsterisk
            autoFocus
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Two-step verification: its state, enrol, new recovery codes, or turn it off. */
export function MfaCard({ user }: { user: CurrentUser }) {
  const { t } = useProfileTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const [codes, setCodes] = useState<string[] | null>(null);
  const disable = useDisableMfa();
  const regenerate = useRegenerateRecoveryCodes();
  const idle = () => setMode('idle');

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text fw={600}>{t('mfa.title')}</Text>
        <Badge color={user.mfa_enabled ? 'green' : 'gray'} variant="light">
          {user.mfa_enabled ? t('mfa.on') : t('mfa.off')}
        </Badge>
        {user.mfa_required && (
          <Badge color="orange" variant="light">
            {t('mfa.requiredByRole')}
          </Badge>
        )}
      </Group>
      {codes ? (
        <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />
      ) : mode === 'disable' ? (
        <CodeForm
          submitLabel={t('mfa.disable')}
          danger
          pending={disable.isPending}
          onCancel={idle}
          onSubmit={(code, onError) => disable.mutate(code, { onSuccess: idle, onError })}
        />
      ) : mode === 'regenerate' ? (
        <CodeForm
          submitLabel={t('mfa.regenerate')}
          pending={regenerate.isPending}
          onCancel={idle}
          onSubmit={(code, onError) =>
            regenerate.mutate(code, {
              onSuccess: (answer) => {
                idle();
                setCodes(answer.recovery_codes);
              },
              onError,
            })
          }
        />
      ) : user.mfa_enabled ? (
        <Group gap="xs">
          <Button variant="light" onClick={() => setMode('regenerate')}>
            {t('mfa.regenerate')}
          </Button>
          {!user.mfa_required && (
            <Button variant="subtle" color="red" onClick={() => setMode('disable')}>
              {t('mfa.disable')}
            </Button>
          )}
        </Group>
      ) : (
        <MfaEnrolment onDone={() => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })} />
      )}
    </Stack>
  );
}
