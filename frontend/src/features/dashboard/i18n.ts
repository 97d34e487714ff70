import { useTranslation } from 'react-i18next';
import { registerMessages } from '@/lib/i18n/i18n';
import { defineMessages } from '@/lib/i18n/messages';

export const dashboardMessages = defineMessages({
  es: {
    title: 'Panel',
    greeting: 'Hola, {{name}}. Este es el resumen de {{workspace}}.',
    comingSoon: 'Disponible pronto',
    cards: {
      users: 'Usuarios totales',
      sales: 'Ventas a la fecha',
      plans: 'Planes vendidos',
      averageSale: 'Venta promedio',
    },
    charts: {
      customersByCity: 'Clientes por ciudad',
      salesByPlan: 'Ventas por plan',
      newCustomers: 'Nuevos clientes por mes',
    },
    chartPlaceholder: 'El gráfico aparecerá cuando el módulo de negocio esté disponible.',
  },
  pt: {
    title: 'Painel',
    greeting: 'Olá, {{name}}. Este é o resumo de {{workspace}}.',
    comingSoon: 'Disponível em breve',
    cards: {
      users: 'Total de usuários',
      sales: 'Vendas até hoje',
      plans: 'Planos vendidos',
      averageSale: 'Venda média',
    },
    charts: {
      customersByCity: 'Clientes por cidade',
      salesByPlan: 'Vendas por plano',
      newCustomers: 'Novos clientes por mês',
    },
    chartPlaceholder: 'O gráfico aparecerá quando o módulo de negócios estiver disponível.',
  },
  en: {
    title: 'Dashboard',
    greeting: 'Hello, {{name}}. Here is the summary of {{workspace}}.',
    comingSoon: 'Coming soon',
    cards: {
      users: 'Total users',
      sales: 'Sales to date',
      plans: 'Plans sold',
      averageSale: 'Average sale',
    },
    charts: {
      customersByCity: 'Customers by city',
      salesByPlan: 'Sales by plan',
      newCustomers: 'New customers per month',
    },
    chartPlaceholder: 'The chart will appear once the business module is available.',
  },
});

registerMessages('dashboard', dashboardMessages);

export const useDashboardTranslation = () => useTranslation('dashboard');
