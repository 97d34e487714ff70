import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/states/EmptyState';
import { PageHeader } from '@/components/page/PageHeader';
import { useAppTranslation } from '../i18n';

export function NotFoundPage() {
  const { t } = useAppTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        title={t('notFound.title')}
        description={t('notFound.description')}
        icon={<IconMapQuestion size={28} aria-hidden />}
        action={
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        }
      />
    </>
  );
}
