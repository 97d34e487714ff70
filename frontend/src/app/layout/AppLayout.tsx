import { Anchor, AppShell, Burger, Group, Progress, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { LanguageSwitch } from '@/components/language/LanguageSwitch';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { useCurrentUser } from '@/lib/auth/currentUser';
import { useAppTranslation } from '../i18n';
import { AppNavbar } from './AppNavbar';
import { UserMenu } from './UserMenu';
import classes from './AppLayout.module.css';

/**
 * Moving to another section (e.g. Panel → Ubicaciones) puts focus on the main region, so
 * keyboard and screen-reader users start at the new screen instead of deep in the navigation.
 * Drawers and filters inside a section (`/locations/new`, `?q=`) keep their own focus.
 */
function useFocusMainOnSectionChange() {
  const section = useLocation().pathname.split('/')[1] ?? '';
  const previous = useRef(section);
  useEffect(() => {
    if (previous.current === section) return;
    previous.current = section;
    document.getElementById('main-content')?.focus();
  }, [section]);
}

/** The signed-in frame: header (bell, language, user), navigation, and the screen. */
export function AppLayout() {
  const { t } = useAppTranslation();
  const user = useCurrentUser();
  const [navOpened, nav] = useDisclosure(false);
  const navigating = useNavigation().state === 'loading';
  useFocusMainOnSectionChange();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className={classes.skipLink}>
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Anchor
              component={Link}
              to="/"
              underline="never"
              aria-label={t('header.home')}
              fw={800}
              fz="lg"
              c="indigo.7"
            >
              Ficha
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>
              {user.workspace}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch compact />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <AppNavbar onNavigate={nav.close} />
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        {navigating && <Progress value={100} animated size="xs" className={classes.progress} aria-hidden />}
        <Outlet />
        <ScrollRestoration />
      </AppShell.Main>
    </AppShell>
  );
}
