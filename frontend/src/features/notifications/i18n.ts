import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

export const notificationsMessages = defineMessages({
  es: {
    label: 'Notificaciones',
    labelUnread_one: 'Notificaciones: {{count}} sin leer',
    labelUnread_other: 'Notificaciones: {{count}} sin leer',
    empty: 'No tiene notificaciones.',
    emptyHint: 'Aquí aparecerán los avisos del sistema y de sus exportaciones e importaciones.',
    markRead: 'Marcar como leída',
    markReadOf: 'Marcar como leída: {{title}}',
    markAllRead: 'Marcar todas como leídas',
    open: 'Abrir',
    job: {
      pending: 'En curso…',
      completed: 'Completado',
      failed: 'Falló',
    },
  },
  pt: {
    label: 'Notificações',
    labelUnread_one: 'Notificações: {{count}} não lida',
    labelUnread_other: 'Notificações: {{count}} não lidas',
    empty: 'Você não tem notificações.',
    emptyHint: 'Aqui aparecerão os avisos do sistema e das suas exportações e importações.',
    markRead: 'Marcar como lida',
    markReadOf: 'Marcar como lida: {{title}}',
    markAllRead: 'Marcar todas como lidas',
    open: 'Abrir',
    job: {
      pending: 'Em andamento…',
      completed: 'Concluído',
      failed: 'Falhou',
    },
  },
  en: {
    label: 'Notifications',
    labelUnread_one: 'Notifications: {{count}} unread',
    labelUnread_other: 'Notifications: {{count}} unread',
    empty: 'You have no notifications.',
    emptyHint: 'System notices and the outcome of your exports and imports will appear here.',
    markRead: 'Mark as read',
    markReadOf: 'Mark as read: {{title}}',
    markAllRead: 'Mark all as read',
    open: 'Open',
    job: {
      pending: 'In progress…',
      completed: 'Completed',
      failed: 'Failed',
    },
  },
});

registerMessages('notifications', notificationsMessages);

export const useNotificationsTranslation = () => useTranslation('notifications');
