import { notifications } from '@mantine/notifications';
import { useUpdateUser, type StaffUser } from '../api/users';
import { useStaffTranslation } from '../i18n';
import { UserForm } from './UserForm';
import { toUserBody } from './userFormValues';

export function UserDetailsTab({ user, canWrite }: { user: StaffUser; canWrite: boolean }) {
  const { t } = useStaffTranslation();
  const update = useUpdateUser(user.id);
  return (
    <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, maxWidth: 640 }}>
      <UserForm
        key={user.updated_at}
        initialValues={{
          first_name: user.first_name,
          last_name: user.last_name,
          email: user.email,
          phone: user.phone ?? '',
          culture: user.culture,
          roles: user.roles.map((role) => role.id),
          is_specialist: user.is_specialist,
        }}
        submitLabel={t('save')}
        submitting={update.isPending}
        onSubmit={async (values) => {
          await update.mutateAsync(toUserBody(values));
          notifications.show({ color: 'teal', message: t('saved') });
        }}
      />
    </fieldset>
  );
}
