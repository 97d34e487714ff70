import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { RouteDrawer } from '@/components/drawer/RouteDrawer';
import { useCreateUser } from '../api/users';
import { useStaffTranslation } from '../i18n';
import { UserForm } from './UserForm';
import { EMPTY_USER, toUserBody } from './userFormValues';

/** Invite a staff user: the API creates them and emails the invitation link. */
export function InviteUserDrawer() {
  const { t } = useStaffTranslation();
  const create = useCreateUser();
  const navigate = useNavigate();
  const { search } = useLocation();
  const backToList = useCallback(() => void navigate({ pathname: '/staff', search }), [navigate, search]);
  return (
    <RouteDrawer title={t('invite.title')} onClosed={backToList}>
      {(close) => (
        <UserForm
          initialValues={EMPTY_USER}
          submitLabel={t('invite.submit')}
          submitting={create.isPending}
          onCancel={close}
          onSubmit={async (values) => {
            const user = await create.mutateAsync({ ...toUserBody(values), optional_permissions: [] });
            notifications.show({ color: 'teal', message: t('invite.sent', { email: user.email }) });
            close();
          }}
        />
      )}
    </RouteDrawer>
  );
}
