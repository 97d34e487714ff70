import { Tabs, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useContactCustomFields } from '../api/customFields';
import { useReadContact } from '../api/readContact';
import { useContactsTranslation } from '../i18n';
import { ContactProfileForm } from './ContactProfileForm';
import { ContactRecordHeader } from './ContactRecordHeader';

const TABS = ['details', 'address', 'additional'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** `/contacts/:id`: the 360° record. The open tab lives in the URL (`?tab=`), so links and Back keep it. */
export function ContactRecordPage() {
  const { contactId = '' } = useParams();
  const { t } = useContactsTranslation();
  const [params, setParams] = useSearchParams();
  const contact = useReadContact(contactId);
  const fields = useContactCustomFields();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'details';

  if (contact.isPending || fields.isPending) return <LoadingState />;
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;

  const record = contact.data;
  return (
    <>
      <ContactRecordHeader contact={record} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('record.tabsLabel')} mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`record.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details">
          <ContactProfileForm key={record.updated_at} contact={record} fields={fields.data} section="details" />
        </Tabs.Panel>
        <Tabs.Panel value="address">
          <ContactProfileForm key={record.updated_at} contact={record} fields={fields.data} section="address" />
        </Tabs.Panel>
        <Tabs.Panel value="additional">
          {fields.data.length === 0 ? (
            <Text c="dimmed">{t('record.noAdditional')}</Text>
          ) : (
            <ContactProfileForm key={record.updated_at} contact={record} fields={fields.data} section="additional" />
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
