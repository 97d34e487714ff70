import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page/PageHeader';
import { useDescribeError } from '@/lib/api/describeError';
import { Can } from '@/lib/permissions/Can';
import { useConvertContact } from '../api/convertContact';
import type { ContactRead } from '../api/keys';
import { useRestoreContact, useTrashContact } from '../api/trashContact';
import { useContactsTranslation } from '../i18n';
import { formatDate, fullName } from './format';

/** The record's title, its kind and status, and what can be done to it as a whole. */
export function ContactRecordHeader({ contact }: { contact: ContactRead }) {
  const { t, i18n } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const describe = useDescribeError();
  const convert = useConvertContact(contact.id);
  const trash = useTrashContact(contact.id);
  const restore = useRestoreContact(contact.id);
  const name = fullName(contact);
  const failed = (error: unknown) =>
    notifications.show({ color: 'red', title: t('record.actionFailed'), message: describe(error).detail });

  const askConvert = () =>
    modals.openConfirmModal({
      title: t('record.convertTitle'),
      children: <Text size="sm">{t('record.convertBody', { name })}</Text>,
      labels: { confirm: t('record.convert'), cancel: tc('actions.cancel') },
      onConfirm: () =>
        convert.mutate(undefined, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('record.converted', { name }) }),
          onError: failed,
        }),
    });

  const listPath = contact.kind === 'lead' ? '/leads' : '/customers';

  return (
    <>
      <Anchor component={Link} to={listPath} size="sm" mb="xs" display="inline-block">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('record.back')}
      </Anchor>
      <PageHeader
        title={name}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" component="span">
              {t(`kinds.${contact.kind}.one`)}
            </Badge>
            <Badge variant="light" color={contact.status === 'active' ? 'teal' : 'gray'} component="span">
              {t(`status.${contact.status}`)}
            </Badge>
            {contact.converted_at && (
              <Text span size="sm" c="dimmed">
                {t('record.convertedOn', { date: formatDate(contact.converted_at, i18n.language) })}
              </Text>
            )}
            {contact.deleted_at && (
              <Text span size="sm" c="red">
                {t('record.trashed', { date: formatDate(contact.deleted_at, i18n.language) })}
              </Text>
            )}
          </Group>
        }
        actions={
          <>
            {contact.kind === 'lead' && !contact.deleted_at && (
              <Can permission="contacts:write">
                <Button
                  onClick={askConvert}
                  loading={convert.isPending}
                  rightSection={<IconArrowRight size={16} aria-hidden />}
                >
                  {t('record.convert')}
                </Button>
              </Can>
            )}
            <Can permission="contacts:trash">
              {contact.deleted_at ? (
                <Button
                  variant="default"
                  leftSection={<IconRestore size={16} aria-hidden />}
                  loading={restore.isPending}
                  onClick={() =>
                    restore.mutate(undefined, {
                      onSuccess: () => notifications.show({ color: 'teal', message: t('record.restored', { name }) }),
                      onError: failed,
                    })
                  }
                >
                  {t('record.restore')}
                </Button>
              ) : (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  loading={trash.isPending}
                  onClick={() =>
                    trash.mutate(undefined, {
                      onSuccess: () =>
                        notifications.show({ color: 'teal', message: t('record.sentToTrash', { name }) }),
                      onError: failed,
                    })
                  }
                >
                  {t('record.trash')}
                </Button>
              )}
            </Can>
          </>
        }
      />
    </>
  );
}
