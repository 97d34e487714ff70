import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContactMetrics } from '../api/contactMetrics';
import type { ContactCriteria } from '../api/keys';
import { useContactsTranslation } from '../i18n';
import { formatMoney, formatRating } from './format';

/** The four figures above the list, for the same filters as the list. */
export function ContactMetricsHeader({ criteria }: { criteria: ContactCriteria }) {
  const { t, i18n } = useContactsTranslation();
  const { t: tc } = useTranslation('common');
  const metrics = useContactMetrics(criteria);
  const data = metrics.data;
  const language = i18n.language;
  const number = new Intl.NumberFormat(language);
  const figures = [
    { key: 'clients', label: t('metrics.totalClients'), value: data && number.format(data.total_clients) },
    { key: 'reviews', label: t('metrics.totalReviews'), value: data && number.format(data.total_reviews) },
    {
      key: 'rating',
      label: t('metrics.averageRating'),
      value: data && (formatRating(data.average_rating, language) ?? t('metrics.none')),
    },
    {
      key: 'sales',
      label: t('metrics.totalSales'),
      value: data && (data.total_sales.length ? formatMoney(data.total_sales, language) : t('metrics.none')),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md" component="section" aria-label={t('metrics.label')}>
      {figures.map((figure) => (
        <Paper key={figure.key} withBorder radius="md" p="sm" style={{ opacity: metrics.isPlaceholderData ? 0.6 : 1 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {figure.label}
          </Text>
          {metrics.isError ? (
            <Text size="sm" c="red">
              {tc('states.errorTitle')}
            </Text>
          ) : figure.value === undefined ? (
            <Skeleton height={24} mt={4} width="60%" />
          ) : (
            <Text size="xl" fw={700} data-testid={`metric-${figure.key}`}>
              {figure.value}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
