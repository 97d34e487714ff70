import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSignOut } from '@/features/identity/hooks/useSignOut';
import { useCurrentUser } from '@/lib/auth/currentUser';
import { useAppTranslation } from '../i18n';

function initials(first: string, last: string, email: string): string {
  const letters = `${first.charAt(0)}${last.charAt(0)}`.trim();
  return (letters || email.charAt(0)).toUpperCase();
}

/** Who is signed in, in which workspace, and the way out. */
export function UserMenu() {
  const { t } = useAppTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const name = `${user.first_name} ${user.last_name}`.trim() || user.email;

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.label', { name })} style={{ borderRadius: 8 }} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="indigo" name={name}>
              {initials(user.first_name, user.last_name, user.email)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
        <Text size="sm" px="sm" fw={500} truncate>
          {user.email}
        </Text>
        <Text size="xs" px="sm" c="dimmed">
          {t('header.workspace', { workspace: user.workspace })}
        </Text>
        {user.roles.length > 0 && (
          <Text size="xs" px="sm" pb={6} c="dimmed">
            {t('userMenu.roles')}: {user.roles.map((role) => role.name).join(', ')}
          </Text>
        )}
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
