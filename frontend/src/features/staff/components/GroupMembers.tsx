import { ActionIcon, Button, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useChangeGroupMembers, useGroupMembers } from '../api/groups';
import { useListUsers } from '../api/users';
import { useStaffTranslation } from '../i18n';
import { fullName } from './fullName';

/** Pick a staff user by name or email (the API searches, accent-insensitive). */
function AddMember({ groupId, memberIds }: { groupId: string; memberIds: Set<string> }) {
  const { t } = useStaffTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const users = useListUsers(q.trim() ? { q: q.trim() } : {});
  const change = useChangeGroupMembers(groupId);
  const options = (users.data?.pages.flatMap((page) => page.items) ?? [])
    .filter((user) => !memberIds.has(user.id))
    .map((user) => ({ value: user.id, label: `${fullName(user)} · ${user.email}` }));
  return (
    <Stack gap="xs">
      {change.error ? <FormAlert problem={{ error: change.error, onFields: false, unmatched: [] }} /> : null}
      <Group align="flex-end" gap="xs">
        <Select
          label={t('groups.addMember')}
          placeholder={t('groups.searchUser')}
          data={options}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={picked}
          onChange={setPicked}
          filter={({ options: all }) => all}
          nothingFoundMessage={t('groups.noUser')}
          style={{ flex: '1 1 260px' }}
        />
        <Button
          disabled={!picked}
          loading={change.isPending}
          onClick={() =>
            picked &&
            change.mutate(
              { add: true, userIds: [picked] },
              {
                onSuccess: () => {
                  setPicked(null);
                  setSearch('');
                },
              },
            )
          }
        >
          {t('groups.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A group's members: add one, remove any. */
export function GroupMembers({ groupId, canWrite }: { groupId: string; canWrite: boolean }) {
  const { t } = useStaffTranslation();
  const members = useGroupMembers(groupId);
  const change = useChangeGroupMembers(groupId);
  const rows = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('groups.members')}
      </Title>
      {canWrite && <AddMember groupId={groupId} memberIds={new Set(rows.map((row) => row.id))} />}
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('groups.noMembers')} />
      ) : (
        <Table aria-label={t('groups.members')}>
          <Table.Tbody>
            {rows.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Text size="sm">{fullName(member)}</Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {canWrite && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('groups.removeMember', { name: fullName(member) })}
                      loading={change.isPending && change.variables.userIds[0] === member.id}
                      onClick={() => change.mutate({ add: false, userIds: [member.id] })}
                    >
                      <IconUserMinus size={16} aria-hidden />
                    </ActionIcon>
                  )}
                  <VisuallyHidden>{member.status}</VisuallyHidden>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {members.hasNextPage && (
        <Button variant="subtle" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
          {t('loadMore')}
        </Button>
      )}
    </Stack>
  );
}
