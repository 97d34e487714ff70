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
      forgot: '¿Olvidó su contraseña?',
    },
    mfa: {
      title: 'Verificación en dos pasos',
      intro: 'Escriba el código de 6 dígitos que muestra su aplicación de autenticación.',
      recoveryIntro: 'Escriba uno de sus códigos de recuperación. Cada código sirve una sola vez.',
      code: 'Código de verificación',
      recoveryCode: 'Código de recuperación',
      submit: 'Verificar',
      useRecovery: 'No tengo mi teléfono: usar un código de recuperación',
      useCode: 'Usar el código de la aplicación',
      back: 'Volver a iniciar sesión',
    },
    forgot: {
      title: 'Recuperar la contraseña',
      subtitle: 'Le enviaremos un enlace para elegir una contraseña nueva.',
      submit: 'Enviar el enlace',
      sent: 'Si la cuenta existe, recibirá en unos minutos un correo con el enlace. Revise también la carpeta de spam.',
    },
    reset: {
      title: 'Nueva contraseña',
      subtitle: 'Elija la contraseña con la que entrará a partir de ahora.',
      submit: 'Guardar la contraseña',
      done: 'Contraseña cambiada. Inicie sesión con la nueva.',
    },
    invitation: {
      title: 'Aceptar la invitación',
      subtitle: 'Elija su contraseña para entrar a la consola.',
      submit: 'Crear mi contraseña',
      done: 'Invitación aceptada. Inicie sesión con su nueva contraseña.',
    },
    password: {
      new: 'Contraseña nueva',
      repeat: 'Repita la contraseña',
      hint: 'Al menos 10 caracteres; mejor una frase que solo usted recuerde.',
      mismatch: 'Las contraseñas no coinciden',
    },
    common: {
      backToSignIn: 'Volver a iniciar sesión',
      missingToken: 'El enlace está incompleto. Ábralo de nuevo desde el correo o pida uno nuevo.',
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
      forgot: 'Esqueceu a senha?',
    },
    mfa: {
      title: 'Verificação em duas etapas',
      intro: 'Digite o código de 6 dígitos exibido no seu aplicativo autenticador.',
      recoveryIntro: 'Digite um dos seus códigos de recuperação. Cada código funciona uma única vez.',
      code: 'Código de verificação',
      recoveryCode: 'Código de recuperação',
      submit: 'Verificar',
      useRecovery: 'Estou sem o celular: usar um código de recuperação',
      useCode: 'Usar o código do aplicativo',
      back: 'Voltar para entrar',
    },
    forgot: {
      title: 'Recuperar a senha',
      subtitle: 'Enviaremos um link para escolher uma nova senha.',
      submit: 'Enviar o link',
      sent: 'Se a conta existir, você receberá em alguns minutos um e-mail com o link. Verifique também o spam.',
    },
    reset: {
      title: 'Nova senha',
      subtitle: 'Escolha a senha com que entrará a partir de agora.',
      submit: 'Salvar a senha',
      done: 'Senha alterada. Entre com a nova.',
    },
    invitation: {
      title: 'Aceitar o convite',
      subtitle: 'Escolha sua senha para entrar no console.',
      submit: 'Criar minha senha',
      done: 'Convite aceito. Entre com sua nova senha.',
    },
    password: {
      new: 'Nova senha',
      repeat: 'Repita a senha',
      hint: 'Pelo menos 10 caracteres; melhor uma frase que só você lembre.',
      mismatch: 'As senhas não coincidem',
    },
    common: {
      backToSignIn: 'Voltar para entrar',
      missingToken: 'O link está incompleto. Abra-o novamente a partir do e-mail ou peça um novo.',
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
      forgot: 'Forgot your password?',
    },
    mfa: {
      title: 'Two-step verification',
      intro: 'Type the 6-digit code your authenticator app shows.',
      recoveryIntro: 'Type one of your recovery codes. Each code works only once.',
      code: 'Verification code',
      recoveryCode: 'Recovery code',
      submit: 'Verify',
      useRecovery: 'I do not have my phone: use a recovery code',
      useCode: 'Use the code from the app',
      back: 'Back to sign in',
    },
    forgot: {
      title: 'Recover your password',
      subtitle: 'We will email you a link to choose a new password.',
      submit: 'Send the link',
      sent: 'If the account exists, an email with the link arrives in a few minutes. Check the spam folder too.',
    },
    reset: {
      title: 'New password',
      subtitle: 'Choose the password you will sign in with from now on.',
      submit: 'Save the password',
      done: 'Password changed. Sign in with the new one.',
    },
    invitation: {
      title: 'Accept the invitation',
      subtitle: 'Choose your password to enter the console.',
      submit: 'Create my password',
      done: 'Invitation accepted. Sign in with your new password.',
    },
    password: {
      new: 'New password',
      repeat: 'Repeat the password',
      hint: 'At least 10 characters; a phrase only you remember is best.',
      mismatch: 'The passwords do not match',
    },
    common: {
      backToSignIn: 'Back to sign in',
      missingToken: 'The link is incomplete. Open it again from the email or ask for a new one.',
    },
  },
});

registerMessages('identity', identityMessages);

export const useIdentityTranslation = () => useTranslation('identity');
