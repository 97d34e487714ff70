import { notifications } from '@mantine/notifications';
import { useParams } from 'react-router';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useReadLocation } from '../api/readLocation';
import { useUpdateLocation } from '../api/updateLocation';
import { useLocationsTranslation } from '../i18n';
import { LocationDrawer } from './LocationDrawer';
import { LocationForm } from './LocationForm';
import { changedFields, fromLocation } from './locationFormValues';

export function LocationEditDrawer() {
  const { t } = useLocationsTranslation();
  const { locationId = '' } = useParams();
  const location = useReadLocation(locationId);
  const update = useUpdateLocation();

  return (
    <LocationDrawer title={t('drawer.editTitle')}>
      {(close) => (
        <>
          {location.isPending && <LoadingState />}
          {location.isError && <ErrorState error={location.error} onRetry={() => void location.refetch()} />}
          {location.isSuccess && (
            <LocationForm
              // A fresh form per record (and per saved version) so its initial values are right.
              key={`${location.data.id}:${location.data.updated_at}`}
              initialValues={fromLocation(location.data)}
              submitting={update.isPending}
              onCancel={close}
              onSubmit={async (values) => {
                const changes = changedFields(values, fromLocation(location.data));
                const saved =
                  Object.keys(changes).length === 0 ? location.data : await update.mutateAsync({ locationId, changes });
                notifications.show({ color: 'teal', message: t('notify.updated', { name: saved.name }) });
                close();
              }}
            />
          )}
        </>
      )}
    </LocationDrawer>
  );
}
