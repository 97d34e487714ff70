import { useNavigate } from 'react-router';
import { useResetPassword } from '../api/resetPassword';
import { useIdentityTranslation } from '../i18n';
import { NewPasswordForm } from './NewPasswordForm';
import { TokenLinkPage } from './TokenLinkPage';

/** The reset link: choose a new password, then sign in with it (a reset does not sign in). */
export function ResetPasswordPage() {
  const { t } = useIdentityTranslation();
  const resetPassword = useResetPassword();
  const navigate = useNavigate();
  return (
    <TokenLinkPage title={t('reset.title')} subtitle={t('reset.subtitle')}>
      {(token) => (
        <NewPasswordForm
          submitLabel={t('reset.submit')}
          pending={resetPassword.isPending}
          onSubmit={(password, onError) =>
            resetPassword.mutate(
              { token, password },
              { onSuccess: () => void navigate('/sign-in?notice=password-reset', { replace: true }), onError },
            )
          }
        />
      )}
    </TokenLinkPage>
  );
}
