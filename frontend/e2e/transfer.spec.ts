import { createAsAdmin } from './support/api';
import { downloadedBytes, zipEntries } from './support/files';
import { expect, openSignedIn, shot, test, unique } from './support/fixtures';

test('the empty contacts template downloads at once as a workbook', async ({ page }, testInfo) => {
  await openSignedIn(page, '/transfer?entity=contacts');
  await expect(page.getByRole('heading', { level: 1, name: 'Importar y exportar' })).toBeVisible();
  await expect(page.getByLabel('Datos')).toHaveValue('contacts');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Plantilla vacía' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  // An .xlsx is itself a zip holding the workbook's parts.
  expect(zipEntries(await downloadedBytes(download))).toContain('xl/workbook.xml');
  await shot(page, testInfo, 'template');
});

test('export the customers list’s filter: a progress bar, then the zip of workbooks', async ({ page }, testInfo) => {
  const city = unique('Exportópolis');
  for (const first of ['Eva', 'Íñigo']) {
    await createAsAdmin('/api/v1/contacts', {
      kind: 'customer',
      first_name: first,
      last_name: 'Exportada',
      city,
      custom_fields: { membership: 'plus' },
    });
  }
  await openSignedIn(page, `/customers?city=${encodeURIComponent(city)}`);
  await expect(page.getByTestId('metric-clients')).toHaveText('2');
  await page.getByRole('link', { name: 'Exportar e importar' }).click();
  await expect(page).toHaveURL(/\/transfer\?entity=contacts&filter=/);
  await expect(page.getByText('Se exportará solo lo que coincide con el filtro de la lista.')).toBeVisible();

  await page.getByRole('button', { name: 'Con datos y relaciones' }).click();
  await expect(page.getByRole('progressbar', { name: /Exportando: Con datos y relaciones/ })).toBeVisible();
  const link = page.getByRole('link', { name: 'Descargar el .zip' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  // Only the two customers of that city.
  await expect(page.getByText('La exportación está lista (2 registros en 1 archivos).')).toBeVisible();
  await shot(page, testInfo, 'ready');

  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const entries = zipEntries(await downloadedBytes(download));
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatch(/\.xlsx$/);
});

test('import contacts with one bad row: dry run, then for real, counts and the error workbook', async ({
  page,
}, testInfo) => {
  const tag = unique('imp').replace(' ', '');
  const csv = [
    'kind,first_name,last_name,email,city,custom.membership',
    `customer,Rosa,Importada,rosa.${tag}@example.com,Valparaíso,básico`,
    `lead,Tiago,Importado,tiago.${tag}@example.com,Lisboa,premium`,
    `customer,Malo,Importado,malo.${tag}@example.com,Lisboa,oro`,
  ].join('\n');

  await openSignedIn(page, '/transfer?entity=contacts');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'contactos.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.getByRole('radio', { name: 'Crear o actualizar' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Prueba (no guarda nada)' })).toBeChecked();
  await page.getByRole('button', { name: 'Importar', exact: true }).click();

  // The dry run reports what would happen, and saves nothing.
  await expect(page.getByText('Prueba terminada: no se guardó ningún cambio.')).toBeVisible({ timeout: 30_000 });
  const counts = page.locator('dl');
  await expect(counts).toContainText('Filas leídas3');
  await expect(counts).toContainText('Creados2');
  await expect(counts).toContainText('Con errores1');
  await shot(page, testInfo, 'dry run');

  // Now for real: same file, same mode.
  await page.getByRole('button', { name: 'Importar de verdad' }).click();
  await expect(page.getByRole('checkbox', { name: 'Prueba (no guarda nada)' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(page.getByText('Importación terminada.')).toBeVisible({ timeout: 30_000 });
  await expect(counts).toContainText('Creados2');
  await expect(counts).toContainText('Con errores1');
  await shot(page, testInfo, 'imported');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Descargar el libro de errores' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(zipEntries(await downloadedBytes(download))).toContain('xl/workbook.xml');

  // The good rows are there, each in its list.
  await page.goto(`/customers?q=${encodeURIComponent(`rosa.${tag}@example.com`)}`);
  await expect(page.getByRole('link', { name: 'Rosa Importada' })).toBeVisible();
  await page.goto(`/leads?q=${encodeURIComponent(`tiago.${tag}@example.com`)}`);
  await expect(page.getByRole('link', { name: 'Tiago Importado' })).toBeVisible();
});

test('locations go through the same screens', async ({ page }) => {
  await openSignedIn(page, '/transfer?entity=locations');
  await expect(page.getByLabel('Datos')).toHaveValue('locations');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Plantilla vacía' }).click();
  expect(zipEntries(await downloadedBytes(await downloading))).toContain('xl/workbook.xml');
});
