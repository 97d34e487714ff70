import { Tabs, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import { useContactCustomFields } from '../api/customFields';
import { useReadContact } from '../api/readContact';
import { useContactsTranslation } from '../i18n';
import { ContactProfileForm } from './ContactProfileForm';
import { ContactRecordHeader } from './ContactRecordHeader';
import { AlertsTab } from './AlertsTab';
import { CommentsTab } from './CommentsTab';
import { FilesTab } from './FilesTab';
import { NotesTab } from './NotesTab';
import { CompaniesTab, GroupsTab, ProjectsTab, ServicesTab } from './RelationTabs';
import { ReviewsTab } from './ReviewsTab';
import { TimelineTab } from './TimelineTab';

const TABS = [
  'details',
  'address',
  'additional',
  'companies',
  'groups',
  'services',
  'projects',
  'comments',
  'notes',
  'alerts',
  'files',
  'reviews',
  'timeline',
] as const;
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
        <Tabs.Panel value="companies">
          <CompaniesTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <GroupsTab contact={record} />
        </Tabs.Panel>
        <Tabs.Panel value="services">
          <ServicesTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="projects">
          <ProjectsTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="comments">
          <CommentsTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts">
          <AlertsTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="files">
          <FilesTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="reviews">
          <ReviewsTab contactId={record.id} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineTab contactId={record.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
