/**
 * Words of the shared components (selection bar, job progress, coordinate picker): their own
 * namespace, so every feature that uses them gets them in the three languages.
 */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

export const componentsMessages = defineMessages({
  es: {
    selection: {
      selectRow: 'Seleccionar {{name}}',
      selectPage: 'Seleccionar todos los mostrados',
      selected_one: '{{count}} seleccionado',
      selected_other: '{{count}} seleccionados',
      allMatching: 'Todos los que coinciden con el filtro',
      allMatchingCount: 'Todos los {{count}} que coinciden con el filtro',
      selectAllMatching: 'Seleccionar todos los que coinciden ({{count}})',
      clear: 'Quitar la selección',
      toolbar: 'Acciones sobre la selección',
    },
    jobs: {
      status: {
        pending: 'En cola',
        running: 'En curso',
        completed: 'Terminado',
        failed: 'Falló',
      },
      progressLabel: 'Progreso de la tarea',
      progress: '{{progress}} %',
    },
    geo: {
      picker: 'Selector de coordenadas',
      pickerHint: 'Haga clic en el mapa esquemático para fijar el punto aproximado, o escriba las coordenadas exactas.',
      latitude: 'Latitud',
      longitude: 'Longitud',
      clear: 'Quitar coordenadas',
      marker: 'Punto elegido: {{latitude}}, {{longitude}}',
    },
  },
  pt: {
    selection: {
      selectRow: 'Selecionar {{name}}',
      selectPage: 'Selecionar todos os exibidos',
      selected_one: '{{count}} selecionado',
      selected_other: '{{count}} selecionados',
      allMatching: 'Todos os que correspondem ao filtro',
      allMatchingCount: 'Todos os {{count}} que correspondem ao filtro',
      selectAllMatching: 'Selecionar todos os que correspondem ({{count}})',
      clear: 'Limpar a seleção',
      toolbar: 'Ações sobre a seleção',
    },
    jobs: {
      status: {
        pending: 'Na fila',
        running: 'Em andamento',
        completed: 'Concluído',
        failed: 'Falhou',
      },
      progressLabel: 'Progresso da tarefa',
      progress: '{{progress}} %',
    },
    geo: {
      picker: 'Seletor de coordenadas',
      pickerHint: 'Clique no mapa esquemático para marcar o ponto aproximado, ou digite as coordenadas exatas.',
      latitude: 'Latitude',
      longitude: 'Longitude',
      clear: 'Remover coordenadas',
      marker: 'Ponto escolhido: {{latitude}}, {{longitude}}',
    },
  },
  en: {
    selection: {
      selectRow: 'Select {{name}}',
      selectPage: 'Select all shown',
      selected_one: '{{count}} selected',
      selected_other: '{{count}} selected',
      allMatching: 'All matching the filter',
      allMatchingCount: 'All {{count}} matching the filter',
      selectAllMatching: 'Select all matching ({{count}})',
      clear: 'Clear the selection',
      toolbar: 'Actions on the selection',
    },
    jobs: {
      status: {
        pending: 'Queued',
        running: 'Running',
        completed: 'Done',
        failed: 'Failed',
      },
      progressLabel: 'Task progress',
      progress: '{{progress}} %',
    },
    geo: {
      picker: 'Coordinate picker',
      pickerHint: 'Click the schematic map to set the approximate point, or type the exact coordinates.',
      latitude: 'Latitude',
      longitude: 'Longitude',
      clear: 'Remove coordinates',
      marker: 'Chosen point: {{latitude}}, {{longitude}}',
    },
  },
});

registerMessages('components', componentsMessages);

export const useComponentsTranslation = () => useTranslation('components');
