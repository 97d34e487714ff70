import { downloadedBytes, zipEntries } from './support/files';
import { expect, openSignedIn, shot, test, unique } from './support/fixtures';

// Until the contacts adapter lands, locations exercise the same machinery.
const ENTITY = 'locations';

test('the empty template downloads at once as a workbook', async ({ page }, testInfo) => {
  await openSignedIn(page, `/transfer?entity=${ENTITY}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Importar y exportar' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Plantilla vacía' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  // An .xlsx is itself a zip holding the workbook's parts.
  expect(zipEntries(await downloadedBytes(download))).toContain('xl/workbook.xml');
  await shot(page, testInfo, 'template');
});

test('export with data: a progress bar, then the zip of workbooks', async ({ page }, testInfo) => {
  await openSignedIn(page, `/transfer?entity=${ENTITY}`);
  await page.getByRole('button', { name: 'Con datos y relaciones' }).click();
  await expect(page.getByRole('progressbar', { name: /Exportando: Con datos y relaciones/ })).toBeVisible();
  const link = page.getByRole('link', { name: 'Descargar el .zip' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/La exportación está lista \(\d+ registros en 1 archivos\)/)).toBeVisible();
  await shot(page, testInfo, 'ready');

  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const entries = zipEntries(await downloadedBytes(download));
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) expect(entry).toMatch(/\.xlsx$/);
});

test('import a file with one bad row: dry run, then for real, counts and the error workbook', async ({
  page,
}, testInfo) => {
  const tag = unique('Importada').replace('Importada ', '');
  const csv = [
    'name,city,country,latitude,longitude',
    `Sede Importada A ${tag},Valparaíso,Chile,-33.0472,-71.6127`,
    `Sede Importada B ${tag},Lisboa,Portugal,38.7223,-9.1393`,
    `Sede Importada C ${tag},Ninguna,Chile,200,10`,
  ].join('\n');

  await openSignedIn(page, `/transfer?entity=${ENTITY}`);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'sedes.csv',
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

  // The good rows are there.
  await page.goto(`/locations?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole('table', { name: 'Ubicaciones del espacio de trabajo' }).getByRole('row')).toHaveCount(3);
});
