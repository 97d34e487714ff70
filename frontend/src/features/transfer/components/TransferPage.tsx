import { NativeSelect, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page/PageHeader';
import { Can } from '@/lib/permissions/Can';
import { ENTITIES, isEntity, type Entity } from '../api/entities';
import { useTransferTranslation } from '../i18n';
import { ImportWizard } from './ImportWizard';
import { TemplatesPanel } from './TemplatesPanel';

/** A list's filter handed over in the URL (`?filter={"q":"…"}`); anything unreadable is no filter. */
function filterFromParam(value: string | null): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * `/transfer?entity=…`: the three downloads and the import wizard for one entity. Lists link
 * here with their filter (`&filter=`), so "export this list" is the same screen.
 */
export function TransferPage() {
  const { t } = useTransferTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('entity');
  const entity: Entity = isEntity(requested) ? requested : ENTITIES[0];
  const filterParam = params.get('filter');
  const filter = useMemo(() => filterFromParam(filterParam), [filterParam]);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="lg">
        <NativeSelect
          label={t('entity')}
          value={entity}
          onChange={(event) => setParams({ entity: event.currentTarget.value }, { replace: true })}
          data={ENTITIES.map((value) => ({ value, label: t(`entities.${value}`) }))}
          maw={320}
        />
        <TemplatesPanel key={`templates-${entity}`} entity={entity} filter={filter} />
        <Can permission="transfer:import">
          <ImportWizard key={`import-${entity}`} entity={entity} />
        </Can>
      </Stack>
    </>
  );
}
