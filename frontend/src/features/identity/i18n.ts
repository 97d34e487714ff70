import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

export const identityMessages = defineMessages({
  es: {
    signIn: {
      title: 'Iniciar sesión',
      subtitle: 'Consola de operaciones de clientes',
      workspace: 'Espacio de trabajo',
      workspaceHint: 'El identificador de su empresa, p. ej. «demo».',
      email: 'Correo electrónico',
      password: 'Contraseña',
      submit: 'Entrar',
      expired: 'Su sesión ha caducado. Inicie sesión de nuevo para continuar donde estaba.',
      failed: 'No se pudo iniciar sesión',
    },
  },
  pt: {
    signIn: {
      title: 'Entrar',
      subtitle: 'Console de operações de clientes',
      workspace: 'Espaço de trabalho',
      workspaceHint: 'O identificador da sua empresa, p. ex. «demo».',
      email: 'E-mail',
      password: 'Senha',
      submit: 'Entrar',
      expired: 'Sua sessão expirou. Entre novamente para continuar de onde parou.',
      failed: 'Não foi possível entrar',
    },
  },
  en: {
    signIn: {
      title: 'Sign in',
      subtitle: 'Customer operations console',
      workspace: 'Workspace',
      workspaceHint: "Your company's identifier, e.g. “demo”.",
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      expired: 'Your session has expired. Sign in again to carry on where you were.',
      failed: 'Could not sign in',
    },
  },
});

registerMessages('identity', identityMessages);

export const useIdentityTranslation = () => useTranslation('identity');
