import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useConfirmAction } from '@/components/confirm/useConfirmAction';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useCreateToken, useListTokens, useRevokeToken, type IntegrationToken } from './api';
import { useTokensTranslation } from './i18n';

const DAY = 86_400_000;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The new token's secret, shown this once with a copy button. */
function NewSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTokensTranslation();
  return (
    <Alert color="green" variant="light" title={t('created.title')} icon={<IconKey aria-hidden />}>
      <Stack gap="xs">
        <Text size="sm">{t('created.hint')}</Text>
        <Code block data-testid="integration-token-secret">
          {secret}
        </Code>
        <Group gap="xs">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="light"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              >
                {copied ? t('created.copied') : t('created.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" onClick={onDone}>
            {t('created.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ userId, onCreated }: { userId: string; onCreated: (secret: string) => void }) {
  const { t } = useTokensTranslation();
  const create = useCreateToken(userId);
  const [now] = useState(() => Date.now());
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { description: '', expires_at: isoDate(new Date(now + 90 * DAY)) },
  });
  const { problem, report, reset } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    reset();
    // The date input gives a day; the token lasts until the end of it (UTC).
    const expires = values.expires_at ? `${values.expires_at}T23:59:59Z` : '';
    create.mutate(
      { description: values.description, expires_at: expires },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created.token);
        },
        onError: report,
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormAlert problem={problem} />
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label={t('form.description')}
            placeholder={t('form.descriptionPlaceholder')}
            withAsterisk
            w={{ base: '100%', sm: 280 }}
            key={form.key('description')}
            {...form.getInputProps('description')}
          />
          <TextInput
            label={t('form.expires')}
            type="date"
            withAsterisk
            min={isoDate(new Date(now + DAY))}
            max={isoDate(new Date(now + 365 * DAY))}
            key={form.key('expires_at')}
            {...form.getInputProps('expires_at')}
          />
          <Button type="submit" mt={{ base: 0, sm: 25 }} loading={create.isPending}>
            {t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenRows({ userId, tokens }: { userId: string; tokens: IntegrationToken[] }) {
  const { t, i18n } = useTokensTranslation();
  const revoke = useRevokeToken(userId);
  const confirm = useConfirmAction();
  const date = (iso: string | null | undefined) =>
    iso ? new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : '—';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={t('title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.description')}</Table.Th>
            <Table.Th>{t('list.prefix')}</Table.Th>
            <Table.Th>{t('list.created')}</Table.Th>
            <Table.Th>{t('list.expires')}</Table.Th>
            <Table.Th>{t('list.lastUsed')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.description}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{date(token.created_at)}</Table.Td>
              <Table.Td>{date(token.expires_at)}</Table.Td>
              <Table.Td>{date(token.last_used_at)}</Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('revoke.label', { description: token.description })}
                  onClick={() =>
                    confirm({
                      title: t('revoke.title'),
                      body: t('revoke.body', { description: token.description }),
                      confirmLabel: t('revoke.confirm'),
                      danger: true,
                      run: () => revoke.mutateAsync(token.id),
                      success: t('revoke.done'),
                      failure: t('revoke.failed'),
                    })
                  }
                >
                  {t('revoke.confirm')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A user's integration tokens: create one (its secret is shown once, to copy), see the live
 * ones, revoke. Used by the profile (mine) and the staff detail (anyone's, with users:write).
 */
export function IntegrationTokensPanel({ userId, canManage = true }: { userId: string; canManage?: boolean }) {
  const { t } = useTokensTranslation();
  const tokens = useListTokens(userId);
  const [secret, setSecret] = useState<string | null>(null);
  const rows = tokens.data?.pages.flatMap((page) => page.items).filter((token) => !token.revoked_at) ?? [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      {secret && <NewSecret secret={secret} onDone={() => setSecret(null)} />}
      {canManage && <CreateTokenForm userId={userId} onCreated={setSecret} />}
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('empty')} description={t('emptyHint')} icon={<IconKey size={28} aria-hidden />} />
      ) : (
        <TokenRows userId={userId} tokens={rows} />
      )}
    </Stack>
  );
}
