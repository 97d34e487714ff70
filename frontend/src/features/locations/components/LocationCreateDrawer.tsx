import { notifications } from '@mantine/notifications';
import { useCreateLocation } from '../api/createLocation';
import { useLocationsTranslation } from '../i18n';
import { LocationDrawer } from './LocationDrawer';
import { LocationForm } from './LocationForm';
import { EMPTY_LOCATION, toLocationBody } from './locationFormValues';

export function LocationCreateDrawer() {
  const { t } = useLocationsTranslation();
  const create = useCreateLocation();
  return (
    <LocationDrawer title={t('drawer.createTitle')}>
      {(close) => (
        <LocationForm
          initialValues={EMPTY_LOCATION}
          submitting={create.isPending}
          onCancel={close}
          onSubmit={async (values) => {
            const location = await create.mutateAsync(toLocationBody(values));
            notifications.show({ color: 'teal', message: t('notify.created', { name: location.name }) });
            close();
          }}
        />
      )}
    </LocationDrawer>
  );
}
