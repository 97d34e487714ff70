import { Box } from '@mantine/core';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useMe } from '@/features/identity/api/readMe';
import { useSignOut } from '@/features/identity/hooks/useSignOut';
import { MfaEnrolmentRequiredPage } from '@/features/profile/components/MfaEnrolmentRequiredPage';
import { CurrentUserProvider } from '@/lib/auth/CurrentUserProvider';
import { SIGN_IN_PATH, signInPath } from '@/lib/auth/redirect';
import { session, type Tokens } from '@/lib/auth/session';
import { useSessionTokens } from '@/lib/auth/useSession';
import { adoptUserCulture } from '@/lib/i18n/culture';
import { PermissionsProvider } from '@/lib/permissions/PermissionsProvider';
import { useAppTranslation } from '../i18n';
import { AppLayout } from '../layout/AppLayout';

/**
 * The gate of every signed-in screen. Without a session it sends the user to sign in,
 * remembering where they were (unless they signed out on purpose); with one, it loads `/me`
 * and provides the user and their permissions to the shell and the screens — unless a role
 * requires MFA the user has not set up: then only the enrolment shows (the API refuses the rest).
 */
export function RequireSession() {
  const tokens = useSessionTokens();
  const location = useLocation();
  if (!tokens) {
    const reason = session.getEndReason();
    return <Navigate to={reason === 'signed-out' ? SIGN_IN_PATH : signInPath(location, reason)} replace />;
  }
  return <SignedIn tokens={tokens} />;
}

function SignedIn({ tokens }: { tokens: Tokens }) {
  const { t } = useAppTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const user = me.data;

  useEffect(() => {
    if (user) adoptUserCulture(`${user.id}:${tokens.signedInAt}`, user.culture);
  }, [user, tokens.signedInAt]);

  if (me.isPending) return <LoadingState label={t('shell.loadingUser')} minHeight="100dvh" />;
  if (me.isError) {
    return (
      <Box maw={560} mx="auto" mt="xl" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} title={t('shell.userError')} />
      </Box>
    );
  }
  if (me.data.mfa_enrollment_required) return <MfaEnrolmentRequiredPage onSignOut={signOut} />;
  return (
    <CurrentUserProvider user={me.data}>
      <PermissionsProvider permissions={me.data.permissions}>
        <AppLayout />
      </PermissionsProvider>
    </CurrentUserProvider>
  );
}
