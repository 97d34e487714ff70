import { Card, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { IntegrationTokensPanel } from '@/components/integration-tokens/IntegrationTokensPanel';
import { PageHeader } from '@/components/page/PageHeader';
import { useCurrentUser } from '@/lib/auth/currentUser';
import { useProfileTranslation } from '../i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaCard } from './MfaCard';
import { PhotoCard } from './PhotoCard';
import { ProfileDetailsForm } from './ProfileDetailsForm';
import { SessionsCard } from './SessionsCard';

const TABS = ['details', 'security', 'tokens'] as const;
type Tab = (typeof TABS)[number];

/** My profile: details and photo, security (password, MFA, sessions), integration tokens. */
export function ProfilePage() {
  const { t } = useProfileTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'details';

  return (
    <>
      <PageHeader title={t('title')} description={user.email} />
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'details' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t('tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="security">{t('tabs.security')}</Tabs.Tab>
          {!user.via_integration_token && <Tabs.Tab value="tokens">{t('tabs.tokens')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details">
          <Stack gap="lg">
            <PhotoCard user={user} />
            <ProfileDetailsForm user={user} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="security">
          <Stack gap="lg">
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('password.title')}
              </Title>
              <ChangePasswordForm />
            </Card>
            <Card withBorder>
              <MfaCard user={user} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('sessions.title')}
              </Title>
              <SessionsCard />
            </Card>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <IntegrationTokensPanel userId={user.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
