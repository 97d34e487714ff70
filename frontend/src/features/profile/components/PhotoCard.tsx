import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { FormAlert } from '@/components/forms/FormAlert';
import type { CurrentUser } from '@/lib/auth/currentUser';
import { useDeleteMyPhoto, useMyPhoto, useUploadMyPhoto } from '../api/photo';
import { useProfileTranslation } from '../i18n';

const ACCEPTED = 'image/jpeg,image/png,image/webp,image/gif';

/** My photo: upload (the API checks type and size, ≤ 5 MB) or remove it. */
export function PhotoCard({ user }: { user: CurrentUser }) {
  const { t } = useProfileTranslation();
  const photo = useMyPhoto(user.has_photo);
  const upload = useUploadMyPhoto();
  const remove = useDeleteMyPhoto();
  const name = `${user.first_name} ${user.last_name}`.trim() || user.email;
  const failure = upload.error ?? remove.error;

  return (
    <Stack gap="sm">
      <Group gap="md">
        <Avatar
          src={user.has_photo ? photo.data : null}
          size={96}
          radius={96}
          color="indigo"
          name={name}
          alt={t('photo.alt')}
        />
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {t('photo.hint')}
          </Text>
          <Group gap="xs">
            <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPTED}>
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="light"
                  leftSection={<IconUpload size={14} aria-hidden />}
                  loading={upload.isPending}
                >
                  {user.has_photo ? t('photo.change') : t('photo.upload')}
                </Button>
              )}
            </FileButton>
            {user.has_photo && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                loading={remove.isPending}
                onClick={() => remove.mutate()}
              >
                {t('photo.remove')}
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
      {failure && <FormAlert problem={{ error: failure, onFields: false, unmatched: [] }} />}
    </Stack>
  );
}
