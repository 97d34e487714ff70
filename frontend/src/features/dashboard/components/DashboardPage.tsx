import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { PageHeader } from '@/components/page/PageHeader';
import { useCurrentUser } from '@/lib/auth/currentUser';
import { useDashboardTranslation } from '../i18n';

const CARDS = ['users', 'sales', 'plans', 'averageSale'] as const;
const CHARTS = ['customersByCity', 'salesByPlan', 'newCustomers'] as const;

/**
 * The landing screen. Its layout is final (metric cards, then charts, as in PRODUCT H3); the
 * figures arrive with the back-office API, so each card says so instead of showing zeros.
 */
export function DashboardPage() {
  const { t } = useDashboardTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('greeting', { name: user.first_name || user.email, workspace: user.workspace })}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" mb="md">
        {CARDS.map((card) => (
          <Paper key={card} withBorder p="md" radius="md" component="section" aria-label={t(`cards.${card}`)}>
            <Text size="sm" c="dimmed" fw={500}>
              {t(`cards.${card}`)}
            </Text>
            <Text fz={28} fw={700} aria-hidden>
              —
            </Text>
            <Badge variant="light" color="gray" size="sm">
              {t('comingSoon')}
            </Badge>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {CHARTS.map((chart) => (
          <Paper
            key={chart}
            withBorder
            p="md"
            radius="md"
            mih={200}
            component="section"
            aria-label={t(`charts.${chart}`)}
          >
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{t(`charts.${chart}`)}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('chartPlaceholder')}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
