import { Alert, Anchor, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useIdentityTranslation } from '../i18n';
import { AuthCard } from './AuthCard';

interface TokenLinkPageProps {
  title: string;
  subtitle: string;
  /** The form, given the link's token. */
  children: (token: string) => ReactNode;
}

/**
 * A page opened from an emailed link (`?token=…`): without a token there is nothing to do but
 * say so; with one, the form. The token is checked by the API when the form is sent.
 */
export function TokenLinkPage({ title, subtitle, children }: TokenLinkPageProps) {
  const { t } = useIdentityTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <AuthCard title={title} subtitle={subtitle}>
      {token ? (
        children(token)
      ) : (
        <Alert color="red" variant="light" role="alert">
          {t('common.missingToken')}
        </Alert>
      )}
      <Group justify="center">
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('common.backToSignIn')}
        </Anchor>
      </Group>
    </AuthCard>
  );
}
