import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useEndMySession, useMySessions } from '../api/sessions';
import { useProfileTranslation } from '../i18n';

/** Where I am signed in; any session but this one can be ended from here. */
export function SessionsCard() {
  const { t, i18n } = useProfileTranslation();
  const sessions = useMySessions();
  const end = useEndMySession();
  const rows = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  const format = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (rows.length === 0) return <EmptyState title={t('sessions.empty')} />;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label={t('sessions.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sessions.started')}</Table.Th>
            <Table.Th>{t('sessions.ip')}</Table.Th>
            <Table.Th>{t('sessions.expires')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('sessions.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                {format(row.created_at)}{' '}
                {row.current && (
                  <Badge size="sm" variant="light">
                    {t('sessions.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{row.ip ?? '—'}</Table.Td>
              <Table.Td>{format(row.expires_at)}</Table.Td>
              <Table.Td ta="right">
                {!row.current && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={end.isPending && end.variables === row.id}
                    onClick={() => end.mutate(row.id)}
                  >
                    {t('sessions.end')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
