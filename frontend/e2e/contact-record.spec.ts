import { createAsAdmin } from './support/api';
import { expect, openSignedIn, shot, test } from './support/fixtures';

// A 1×1 PNG: enough for the API to sniff an image and for the tab to preview it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('the 360° record: address from a location, coordinates, comments, files, then lead → customer', async ({
  page,
}, testInfo) => {
  const lead = await createAsAdmin<{ id: string }>('/api/v1/contacts', {
    kind: 'lead',
    first_name: 'Marta',
    last_name: 'Lead Ficha',
    origin: 'web',
    custom_fields: { membership: 'premium' },
  });
  await openSignedIn(page, `/contacts/${lead.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Marta Lead Ficha' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Datos' })).toHaveAttribute('aria-selected', 'true');

  // Address: choosing a predefined location fills it in; the picker sets coordinates by clicking.
  await page.getByRole('tab', { name: 'Dirección' }).click();
  await page.getByLabel('Ubicación predefinida').selectOption({ label: 'Sede Madrid Centro' });
  await expect(page.getByLabel('Ciudad')).toHaveValue('Madrid');
  const picker = page.getByRole('application', { name: 'Selector de coordenadas' });
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  // A quarter from the top and three quarters across: about 45° N, 90° E (a pixel is ~1°).
  const near = async (label: string) => Number(await page.getByLabel(label).inputValue());
  await expect.poll(() => near('Latitud')).toBeGreaterThan(43.5);
  expect(await near('Latitud')).toBeLessThan(46.5);
  expect(Math.abs((await near('Longitud')) - 90)).toBeLessThan(1.5);
  await page.getByLabel('Latitud').fill('40.4168');
  await page.getByLabel('Longitud').fill('-3.7038');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Cambios guardados.')).toBeVisible();
  await shot(page, testInfo, 'address');

  // A pinned, urgent comment.
  await page.getByRole('tab', { name: 'Comentarios' }).click();
  await page.getByRole('textbox', { name: 'Comentario', exact: true }).fill('Prefiere que la llamen por la tarde.');
  await page.getByLabel('Prioridad').selectOption('urgent');
  await page.getByLabel('Fijar arriba').check();
  await page.getByRole('button', { name: 'Añadir comentario' }).click();
  const comments = page.getByRole('table', { name: 'Comentarios' });
  await expect(comments).toContainText('Prefiere que la llamen por la tarde.');
  await expect(comments).toContainText('Fijado');
  await expect(comments).toContainText('Urgente');

  // A file: uploaded, previewed, downloadable.
  await page.getByRole('tab', { name: 'Archivos' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Subir' }).click();
  const files = page.getByRole('table', { name: 'Archivos' });
  await expect(files.getByRole('img', { name: 'foto.png' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Descargar foto.png' }).click();
  expect((await downloading).suggestedFilename()).toBe('foto.png');
  await shot(page, testInfo, 'files');

  // The timeline has it all.
  await page.getByRole('tab', { name: 'Historial' }).click();
  await expect(page.getByText('Prefiere que la llamen por la tarde.')).toBeVisible();

  // Lead → customer, same record.
  await page.getByRole('button', { name: 'Convertir en cliente' }).click();
  await page
    .getByRole('dialog', { name: 'Convertir en cliente' })
    .getByRole('button', { name: 'Convertir en cliente' })
    .click();
  await expect(page.getByText('«Marta Lead Ficha» ahora es cliente.')).toBeVisible();
  await expect(page.getByText(/Convertido en cliente el/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Convertir en cliente' })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/contacts/${lead.id}`));
  await shot(page, testInfo, 'converted');
});
