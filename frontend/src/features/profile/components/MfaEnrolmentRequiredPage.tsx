import { Alert, Box, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '@/lib/auth/currentUser';
import { useProfileTranslation } from '../i18n';
import { MfaEnrolment } from './MfaEnrolment';

/**
 * A role of the user requires MFA and they have not enrolled: the session can do nothing
 * else (the API refuses the rest), so the console shows only this until they do.
 */
export function MfaEnrolmentRequiredPage({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useProfileTranslation();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('mfa.requiredTitle')} · Ficha`);
  return (
    <Box mih="100dvh" bg="gray.0" py="xl" px="md">
      <Paper component="main" withBorder shadow="sm" radius="md" p="xl" maw={560} mx="auto">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('mfa.requiredTitle')}
          </Title>
          <Alert color="orange" variant="light" icon={<IconShieldLock aria-hidden />}>
            {t('mfa.requiredHint')}
          </Alert>
          <MfaEnrolment onDone={() => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })} />
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={onSignOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Box>
  );
}
