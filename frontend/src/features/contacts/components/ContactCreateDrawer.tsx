import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useCreateContact } from '../api/createContact';
import { useContactCustomFields } from '../api/customFields';
import type { ContactKind } from '../api/keys';
import { useContactsTranslation } from '../i18n';
import { ContactCreateForm } from './ContactCreateForm';
import { fullName } from './format';

interface ContactCreateDrawerProps {
  kind: ContactKind;
  opened: boolean;
  onClose: () => void;
}

/** Create a customer or lead; once saved, its 360° record opens. */
export function ContactCreateDrawer({ kind, opened, onClose }: ContactCreateDrawerProps) {
  const { t } = useContactsTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  const fields = useContactCustomFields();
  const create = useCreateContact();
  const navigate = useNavigate();

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t(`kinds.${kind}.createTitle`)}
      position="right"
      size={narrow ? '100%' : 'lg'}
      padding="lg"
    >
      {fields.isPending ? (
        <LoadingState />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <ContactCreateForm
          kind={kind}
          fields={fields.data}
          submitting={create.isPending}
          onCancel={onClose}
          onSubmit={async (body) => {
            const contact = await create.mutateAsync(body);
            notifications.show({ color: 'teal', message: t('notify.created', { name: fullName(contact) }) });
            for (const warning of contact.warnings ?? []) {
              notifications.show({ color: 'yellow', title: t('notify.phoneWarning'), message: warning.message });
            }
            onClose();
            void navigate(`/contacts/${contact.id}`);
          }}
        />
      )}
    </Drawer>
  );
}
