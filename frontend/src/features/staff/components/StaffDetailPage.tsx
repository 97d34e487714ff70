import { Anchor, Badge, Group, Tabs } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { IntegrationTokensPanel } from '@/components/integration-tokens/IntegrationTokensPanel';
import { PageHeader } from '@/components/page/PageHeader';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useCan } from '@/lib/permissions/usePermissions';
import { useUser } from '../api/users';
import { useStaffTranslation } from '../i18n';
import { CommentsTab } from './CommentsTab';
import { CustomFieldsTab } from './CustomFieldsTab';
import { OptionalPermissionsTab } from './OptionalPermissionsTab';
import { SpecialistTab } from './SpecialistTab';
import { fullName } from './fullName';
import { StatusBadge } from './StatusBadge';
import { UserActions } from './UserActions';
import { UserDetailsTab } from './UserDetailsTab';

const TABS = ['details', 'fields', 'permissions', 'comments', 'specialist', 'tokens'] as const;
type Tab = (typeof TABS)[number];

/** One staff user: their details and everything that hangs off them, one tab each. */
export function StaffDetailPage() {
  const { t } = useStaffTranslation();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const canWrite = useCan('users:write');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'details';

  const back = (
    <Anchor component={Link} to="/staff" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('backToList')}
      </Group>
    </Anchor>
  );
  if (user.isPending) return <LoadingState />;
  if (user.isError) {
    return (
      <>
        {back}
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      </>
    );
  }
  const data = user.data;

  return (
    <>
      {back}
      <PageHeader
        title={fullName(data)}
        description={
          <Group gap={6} component="span">
            {data.email} <StatusBadge status={data.status} />
            {data.invitation_pending && (
              <Badge color="orange" variant="light" size="sm">
                {t('invitationPending')}
              </Badge>
            )}
          </Group>
        }
        actions={canWrite ? <UserActions user={data} /> : null}
      />
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'details' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t('tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="fields">{t('tabs.fields')}</Tabs.Tab>
          <Tabs.Tab value="permissions">{t('tabs.permissions')}</Tabs.Tab>
          <Tabs.Tab value="comments">{t('tabs.comments')}</Tabs.Tab>
          {data.is_specialist && <Tabs.Tab value="specialist">{t('tabs.specialist')}</Tabs.Tab>}
          <Tabs.Tab value="tokens">{t('tabs.tokens')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <UserDetailsTab user={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="fields">
          <CustomFieldsTab user={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="permissions">
          <OptionalPermissionsTab userId={data.id} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="comments">
          <CommentsTab userId={data.id} />
        </Tabs.Panel>
        {data.is_specialist && (
          <Tabs.Panel value="specialist">
            <SpecialistTab user={data} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="tokens">
          <IntegrationTokensPanel userId={data.id} canManage={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
