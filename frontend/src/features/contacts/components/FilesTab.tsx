import { Button, FileInput, Group, Image, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconDownload, IconFile, IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table/DataTable';
import { keysetTableState } from '@/components/data-table/keyset';
import { FormAlert } from '@/components/forms/FormAlert';
import { EmptyState } from '@/components/states/EmptyState';
import { useCan } from '@/lib/permissions/usePermissions';
import {
  downloadContactFile,
  useDeleteFile,
  useFiles,
  useImageBlob,
  useUploadFile,
  type ContactFile,
} from '../api/files';
import { useContactsTranslation } from '../i18n';
import { formatDate } from './format';
import { RowActions } from './RowActions';
import { useActionFailed } from '../hooks/useActionFailed';

/** 1536 → "1,5 KB", in the user's language. */
function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** An image's thumbnail: its bytes come with the token, shown through an object URL. */
function Preview({ contactId, file }: { contactId: string; file: ContactFile }) {
  const blob = useImageBlob(contactId, file);
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  // The object URL holds the bytes until revoked: let go of it with the row.
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  if (!file.is_image) return <IconFile size={28} aria-hidden />;
  if (!url) return <Skeleton width={48} height={48} />;
  return <Image src={url} alt={file.filename} w={48} h={48} fit="cover" radius="sm" />;
}

function Upload({ contactId }: { contactId: string }) {
  const { t } = useContactsTranslation();
  const upload = useUploadFile(contactId);
  const [file, setFile] = useState<File | null>(null);
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Stack gap="sm">
        <FormAlert problem={upload.error ? { error: upload.error, onFields: false, unmatched: [] } : null} />
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('sections.files.choose')}
            description={t('sections.files.hint')}
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconUpload size={16} aria-hidden />}
            style={{ flex: 1 }}
          />
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
          >
            {t('sections.files.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function FilesTab({ contactId }: { contactId: string }) {
  const { t, i18n } = useContactsTranslation();
  const canWrite = useCan('contacts:write');
  const query = useFiles(contactId);
  const remove = useDeleteFile(contactId);
  const failed = useActionFailed();
  return (
    <>
      {canWrite && <Upload contactId={contactId} />}
      <DataTable<ContactFile>
        {...keysetTableState(query)}
        caption={t('record.tabs.files')}
        rowKey={(f) => f.id}
        empty={<EmptyState title={t('sections.files.empty')} />}
        columns={[
          {
            key: 'preview',
            header: t('sections.files.preview'),
            width: 72,
            cell: (f) => <Preview contactId={contactId} file={f} />,
          },
          {
            key: 'name',
            header: t('sections.files.name'),
            cell: (f) => (
              <Stack gap={0}>
                <Text size="sm">{f.filename}</Text>
                <Text size="xs" c="dimmed">
                  {f.content_type} · {formatSize(f.size, i18n.language)}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'date',
            header: t('sections.date'),
            visibleFrom: 'sm',
            width: 140,
            cell: (f) => formatDate(f.created_at, i18n.language),
          },
          {
            key: 'actions',
            header: t('sections.actions'),
            align: 'right',
            width: 96,
            cell: (f) => (
              <RowActions
                actions={[
                  {
                    label: t('sections.files.download', { name: f.filename }),
                    icon: <IconDownload size={18} aria-hidden />,
                    onClick: () => void downloadContactFile(contactId, f).catch(failed),
                  },
                  ...(canWrite
                    ? [
                        {
                          label: t('sections.delete'),
                          icon: <IconTrash size={18} aria-hidden />,
                          color: 'red',
                          onClick: () => remove.mutate(f.id, { onError: failed }),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
