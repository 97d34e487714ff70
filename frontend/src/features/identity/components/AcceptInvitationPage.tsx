import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { session } from '@/lib/auth/session';
import { useAcceptInvitation } from '../api/acceptInvitation';
import { useLogin } from '../api/login';
import { rememberWorkspace } from '../hooks/rememberedWorkspace';
import { useIdentityTranslation } from '../i18n';
import { NewPasswordForm } from './NewPasswordForm';
import { TokenLinkPage } from './TokenLinkPage';

/**
 * The invitation link: choose a password. The API answers the workspace and email (not a
 * session), so the console signs in with them and the new password at once; if that needs
 * more (an MFA step) or fails, the user lands on sign-in with both already filled in.
 */
export function AcceptInvitationPage() {
  const { t } = useIdentityTranslation();
  const accept = useAcceptInvitation();
  const login = useLogin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signInWith = (workspace: string, email: string, password: string) => {
    const toSignIn = () => {
      const params = new URLSearchParams({ workspace, email, notice: 'invitation-accepted' });
      void navigate(`/sign-in?${params.toString()}`, { replace: true });
    };
    login.mutate(
      { workspace, email, password },
      {
        onSuccess: (answer) => {
          if ('mfa_required' in answer) return toSignIn();
          rememberWorkspace(workspace);
          queryClient.removeQueries();
          session.signIn(answer);
          void navigate('/', { replace: true });
        },
        onError: toSignIn,
      },
    );
  };

  return (
    <TokenLinkPage title={t('invitation.title')} subtitle={t('invitation.subtitle')}>
      {(token) => (
        <NewPasswordForm
          submitLabel={t('invitation.submit')}
          pending={accept.isPending || login.isPending}
          onSubmit={(password, onError) =>
            accept.mutate(
              { token, password },
              { onSuccess: ({ workspace, email }) => signInWith(workspace, email, password), onError },
            )
          }
        />
      )}
    </TokenLinkPage>
  );
}
