import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

export const integrationTokensMessages = defineMessages({
  es: {
    title: 'Tokens de integración',
    intro:
      'Un token permite a otro sistema usar la API en nombre de este usuario, con sus permisos. No sirve para entrar a la consola.',
    empty: 'No hay tokens activos',
    emptyHint: 'Cree uno para conectar otra aplicación.',
    form: {
      description: 'Descripción',
      descriptionPlaceholder: 'p. ej. Sincronización con el ERP',
      expires: 'Caduca el',
      create: 'Crear token',
    },
    created: {
      title: 'Token creado',
      hint: 'Cópielo ahora: por seguridad no se volverá a mostrar.',
      copy: 'Copiar el token',
      copied: 'Copiado',
      done: 'Ya lo he guardado',
    },
    list: {
      description: 'Descripción',
      prefix: 'Empieza por',
      created: 'Creado',
      expires: 'Caduca',
      lastUsed: 'Último uso',
      actions: 'Acciones',
    },
    revoke: {
      label: 'Revocar el token «{{description}}»',
      title: 'Revocar el token',
      body: 'El token «{{description}}» dejará de funcionar de inmediato. Esta acción no se puede deshacer.',
      confirm: 'Revocar',
      done: 'Token revocado.',
      failed: 'No se pudo revocar el token',
    },
  },
  pt: {
    title: 'Tokens de integração',
    intro:
      'Um token permite que outro sistema use a API em nome deste usuário, com as permissões dele. Não serve para entrar no console.',
    empty: 'Não há tokens ativos',
    emptyHint: 'Crie um para conectar outro aplicativo.',
    form: {
      description: 'Descrição',
      descriptionPlaceholder: 'p. ex. Sincronização com o ERP',
      expires: 'Expira em',
      create: 'Criar token',
    },
    created: {
      title: 'Token criado',
      hint: 'Copie-o agora: por segurança, não será mostrado de novo.',
      copy: 'Copiar o token',
      copied: 'Copiado',
      done: 'Já o guardei',
    },
    list: {
      description: 'Descrição',
      prefix: 'Começa com',
      created: 'Criado',
      expires: 'Expira',
      lastUsed: 'Último uso',
      actions: 'Ações',
    },
    revoke: {
      label: 'Revogar o token «{{description}}»',
      title: 'Revogar o token',
      body: 'O token «{{description}}» deixará de funcionar imediatamente. Esta ação não pode ser desfeita.',
      confirm: 'Revogar',
      done: 'Token revogado.',
      failed: 'Não foi possível revogar o token',
    },
  },
  en: {
    title: 'Integration tokens',
    intro:
      'A token lets another system use the API on behalf of this user, with their permissions. It cannot sign in to the console.',
    empty: 'No active tokens',
    emptyHint: 'Create one to connect another application.',
    form: {
      description: 'Description',
      descriptionPlaceholder: 'e.g. ERP sync',
      expires: 'Expires on',
      create: 'Create token',
    },
    created: {
      title: 'Token created',
      hint: 'Copy it now: for security it will not be shown again.',
      copy: 'Copy the token',
      copied: 'Copied',
      done: 'I have saved it',
    },
    list: {
      description: 'Description',
      prefix: 'Starts with',
      created: 'Created',
      expires: 'Expires',
      lastUsed: 'Last used',
      actions: 'Actions',
    },
    revoke: {
      label: 'Revoke the token “{{description}}”',
      title: 'Revoke the token',
      body: 'The token “{{description}}” will stop working at once. This cannot be undone.',
      confirm: 'Revoke',
      done: 'Token revoked.',
      failed: 'Could not revoke the token',
    },
  },
});

registerMessages('integrationTokens', integrationTokensMessages);

export const useTokensTranslation = () => useTranslation('integrationTokens');
