import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

/** The shell's words: navigation, header, menus, and the pages no feature owns. */
export const appMessages = defineMessages({
  es: {
    skipToContent: 'Saltar al contenido',
    nav: {
      label: 'Navegación principal',
      toggle: 'Mostrar u ocultar la navegación',
      dashboard: 'Panel',
      locations: 'Ubicaciones',
      customers: 'Clientes',
      leads: 'Leads',
      transfer: 'Importar y exportar',
      staff: 'Personal',
    },
    header: {
      home: 'Ficha: ir al panel',
      workspace: 'Espacio de trabajo {{workspace}}',
    },
    userMenu: {
      label: 'Menú de usuario de {{name}}',
      signedInAs: 'Sesión iniciada como',
      roles: 'Roles',
      profile: 'Mi perfil',
      signOut: 'Cerrar sesión',
    },
    shell: {
      loadingUser: 'Preparando su consola…',
      userError: 'No se pudo cargar su perfil',
    },
    notFound: {
      title: 'Página no encontrada',
      description: 'La dirección no corresponde a ninguna pantalla de la consola.',
      home: 'Ir al panel',
    },
    crash: {
      title: 'Algo falló al mostrar esta pantalla',
      description: 'Puede deberse a una versión nueva de la consola. Recargue la página para continuar.',
    },
  },
  pt: {
    skipToContent: 'Pular para o conteúdo',
    nav: {
      label: 'Navegação principal',
      toggle: 'Mostrar ou ocultar a navegação',
      dashboard: 'Painel',
      locations: 'Localizações',
      customers: 'Clientes',
      leads: 'Leads',
      transfer: 'Importar e exportar',
      staff: 'Equipe',
    },
    header: {
      home: 'Ficha: ir para o painel',
      workspace: 'Espaço de trabalho {{workspace}}',
    },
    userMenu: {
      label: 'Menu do usuário de {{name}}',
      signedInAs: 'Conectado como',
      roles: 'Papéis',
      profile: 'Meu perfil',
      signOut: 'Sair',
    },
    shell: {
      loadingUser: 'Preparando seu console…',
      userError: 'Não foi possível carregar seu perfil',
    },
    notFound: {
      title: 'Página não encontrada',
      description: 'O endereço não corresponde a nenhuma tela do console.',
      home: 'Ir para o painel',
    },
    crash: {
      title: 'Algo falhou ao mostrar esta tela',
      description: 'Pode ser uma nova versão do console. Recarregue a página para continuar.',
    },
  },
  en: {
    skipToContent: 'Skip to content',
    nav: {
      label: 'Main navigation',
      toggle: 'Show or hide the navigation',
      dashboard: 'Dashboard',
      locations: 'Locations',
      customers: 'Customers',
      leads: 'Leads',
      transfer: 'Import and export',
      staff: 'Staff',
    },
    header: {
      home: 'Ficha: go to the dashboard',
      workspace: 'Workspace {{workspace}}',
    },
    userMenu: {
      label: 'User menu of {{name}}',
      signedInAs: 'Signed in as',
      roles: 'Roles',
      profile: 'My profile',
      signOut: 'Sign out',
    },
    shell: {
      loadingUser: 'Getting your console ready…',
      userError: 'Could not load your profile',
    },
    notFound: {
      title: 'Page not found',
      description: 'The address does not match any screen of the console.',
      home: 'Go to the dashboard',
    },
    crash: {
      title: 'Something failed while showing this screen',
      description: 'It may be a new version of the console. Reload the page to carry on.',
    },
  },
});

registerMessages('app', appMessages);

export const useAppTranslation = () => useTranslation('app');
