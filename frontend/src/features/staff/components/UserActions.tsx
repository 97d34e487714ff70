import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconMailForward, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useConfirmAction } from '@/components/confirm/useConfirmAction';
import { Can } from '@/lib/permissions/Can';
import { useUserLifecycle, type LifecycleAction } from '../api/userLifecycle';
import type { StaffUser } from '../api/users';
import { useStaffTranslation } from '../i18n';
import { fullName } from './fullName';

/** Activate / deactivate / re-send the invitation / delete, each after a confirmation. */
export function UserActions({ user }: { user: StaffUser }) {
  const { t } = useStaffTranslation();
  const lifecycle = useUserLifecycle(user.id);
  const confirm = useConfirmAction();
  const navigate = useNavigate();
  const name = fullName(user);

  const ask = (action: LifecycleAction) =>
    confirm({
      title: t(`actions.${action}.title`),
      body: t(`actions.${action}.body`, { name }),
      confirmLabel: t(`actions.${action}.confirm`),
      danger: action === 'delete' || action === 'deactivate',
      run: async () => {
        await lifecycle.mutateAsync(action);
        if (action === 'delete') await navigate('/staff');
      },
      success: t(`actions.${action}.done`, { name }),
      failure: t(`actions.${action}.failed`),
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<IconChevronDown size={16} aria-hidden />}
          loading={lifecycle.isPending}
        >
          {t('actions.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {user.invitation_pending && (
          <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => ask('resend-invitation')}>
            {t('actions.resend-invitation.confirm')}
          </Menu.Item>
        )}
        {user.status === 'active' ? (
          <Menu.Item leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => ask('deactivate')}>
            {t('actions.deactivate.confirm')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => ask('activate')}>
            {t('actions.activate.confirm')}
          </Menu.Item>
        )}
        <Can permission="users:delete">
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => ask('delete')}>
            {t('actions.delete.confirm')}
          </Menu.Item>
        </Can>
      </Menu.Dropdown>
    </Menu>
  );
}
