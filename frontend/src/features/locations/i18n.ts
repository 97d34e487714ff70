import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

export const locationsMessages = defineMessages({
  es: {
    title: 'Ubicaciones',
    description: 'Sedes y sitios predefinidos: al elegir uno en la ficha de un cliente, su dirección se completa sola.',
    create: 'Nueva ubicación',
    tableCaption: 'Ubicaciones del espacio de trabajo',
    filters: {
      label: 'Filtros de ubicaciones',
      search: 'Buscar',
      searchPlaceholder: 'Nombre, sin importar tildes',
      city: 'Ciudad',
      cityPlaceholder: 'Ciudad exacta',
      sort: 'Ordenar por',
      sorts: {
        name: 'Nombre (A–Z)',
        '-name': 'Nombre (Z–A)',
        '-created_at': 'Más recientes',
        created_at: 'Más antiguas',
      },
    },
    columns: {
      name: 'Nombre',
      city: 'Ciudad',
      state: 'Región',
      country: 'País',
      postalCode: 'Código postal',
      actions: 'Acciones',
    },
    empty: {
      title: 'Todavía no hay ubicaciones',
      description: 'Cree la primera para poder asignarla a clientes y especialistas.',
    },
    fields: {
      name: 'Nombre',
      street: 'Dirección',
      city: 'Ciudad',
      state: 'Región o estado',
      country: 'País',
      postalCode: 'Código postal',
      coordinates: 'Coordenadas',
      coordinatesHint: 'Opcionales; la latitud y la longitud van juntas.',
      latitude: 'Latitud',
      longitude: 'Longitud',
    },
    drawer: {
      createTitle: 'Nueva ubicación',
      editTitle: 'Editar ubicación',
    },
    actions: {
      edit: 'Editar {{name}}',
      delete: 'Eliminar {{name}}',
    },
    confirmDelete: {
      title: 'Eliminar ubicación',
      body: '¿Eliminar «{{name}}»? Esta acción no se puede deshacer.',
    },
    notify: {
      created: 'Ubicación «{{name}}» creada.',
      updated: 'Ubicación «{{name}}» guardada.',
      deleted: 'Ubicación «{{name}}» eliminada.',
      deleteFailed: 'No se pudo eliminar «{{name}}»',
    },
  },
  pt: {
    title: 'Localizações',
    description:
      'Sedes e locais predefinidos: ao escolher um na ficha de um cliente, o endereço é preenchido automaticamente.',
    create: 'Nova localização',
    tableCaption: 'Localizações do espaço de trabalho',
    filters: {
      label: 'Filtros de localizações',
      search: 'Buscar',
      searchPlaceholder: 'Nome, ignorando acentos',
      city: 'Cidade',
      cityPlaceholder: 'Cidade exata',
      sort: 'Ordenar por',
      sorts: {
        name: 'Nome (A–Z)',
        '-name': 'Nome (Z–A)',
        '-created_at': 'Mais recentes',
        created_at: 'Mais antigas',
      },
    },
    columns: {
      name: 'Nome',
      city: 'Cidade',
      state: 'Região',
      country: 'País',
      postalCode: 'CEP / código postal',
      actions: 'Ações',
    },
    empty: {
      title: 'Ainda não há localizações',
      description: 'Crie a primeira para poder atribuí-la a clientes e especialistas.',
    },
    fields: {
      name: 'Nome',
      street: 'Endereço',
      city: 'Cidade',
      state: 'Região ou estado',
      country: 'País',
      postalCode: 'CEP / código postal',
      coordinates: 'Coordenadas',
      coordinatesHint: 'Opcionais; latitude e longitude andam juntas.',
      latitude: 'Latitude',
      longitude: 'Longitude',
    },
    drawer: {
      createTitle: 'Nova localização',
      editTitle: 'Editar localização',
    },
    actions: {
      edit: 'Editar {{name}}',
      delete: 'Excluir {{name}}',
    },
    confirmDelete: {
      title: 'Excluir localização',
      body: 'Excluir “{{name}}”? Esta ação não pode ser desfeita.',
    },
    notify: {
      created: 'Localização “{{name}}” criada.',
      updated: 'Localização “{{name}}” salva.',
      deleted: 'Localização “{{name}}” excluída.',
      deleteFailed: 'Não foi possível excluir “{{name}}”',
    },
  },
  en: {
    title: 'Locations',
    description: "Predefined sites: picking one on a customer's record fills in their address.",
    create: 'New location',
    tableCaption: "The workspace's locations",
    filters: {
      label: 'Location filters',
      search: 'Search',
      searchPlaceholder: 'Name, accents ignored',
      city: 'City',
      cityPlaceholder: 'Exact city',
      sort: 'Sort by',
      sorts: {
        name: 'Name (A–Z)',
        '-name': 'Name (Z–A)',
        '-created_at': 'Newest first',
        created_at: 'Oldest first',
      },
    },
    columns: {
      name: 'Name',
      city: 'City',
      state: 'Region',
      country: 'Country',
      postalCode: 'Postal code',
      actions: 'Actions',
    },
    empty: {
      title: 'No locations yet',
      description: 'Create the first one to assign it to customers and specialists.',
    },
    fields: {
      name: 'Name',
      street: 'Street address',
      city: 'City',
      state: 'Region or state',
      country: 'Country',
      postalCode: 'Postal code',
      coordinates: 'Coordinates',
      coordinatesHint: 'Optional; latitude and longitude go together.',
      latitude: 'Latitude',
      longitude: 'Longitude',
    },
    drawer: {
      createTitle: 'New location',
      editTitle: 'Edit location',
    },
    actions: {
      edit: 'Edit {{name}}',
      delete: 'Delete {{name}}',
    },
    confirmDelete: {
      title: 'Delete location',
      body: 'Delete “{{name}}”? This cannot be undone.',
    },
    notify: {
      created: 'Location “{{name}}” created.',
      updated: 'Location “{{name}}” saved.',
      deleted: 'Location “{{name}}” deleted.',
      deleteFailed: 'Could not delete “{{name}}”',
    },
  },
});

registerMessages('locations', locationsMessages);

export const useLocationsTranslation = () => useTranslation('locations');
