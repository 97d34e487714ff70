import { Alert, Box, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppTranslation } from '../i18n';

/**
 * A screen crashed while rendering or its code failed to load (typically: a new version was
 * deployed and the old chunk is gone). Offer a reload rather than a blank page.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useAppTranslation();
  const { t: tc } = useTranslation('common');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Box maw={560} mx="auto" mt="xl" p="md">
      <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('crash.title')}>
        <Text size="sm">{t('crash.description')}</Text>
        <Button mt="sm" size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
          {tc('actions.reload')}
        </Button>
      </Alert>
    </Box>
  );
}
