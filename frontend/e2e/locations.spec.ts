import { E2E } from './support/env';
import { expect, openSignedIn, rowOf, shot, test, unique } from './support/fixtures';

// One location goes through its whole life, so these run in order.
test.describe.configure({ mode: 'serial' });

const name = unique('Sede Peñalolén');
const suffix = name.replace('Sede Peñalolén ', '');

test('create: the API’s field error shows under the field, then the location is saved', async ({ page }, testInfo) => {
  await openSignedIn(page, '/locations');
  await page.getByRole('link', { name: 'Nueva ubicación' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'Nueva ubicación' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel('Nombre')).toBeFocused();

  // Nothing typed: the API refuses it and says why, on the field.
  await drawer.getByRole('button', { name: 'Guardar' }).click();
  await expect(drawer.getByLabel('Nombre')).toHaveAttribute('aria-invalid', 'true');
  await expect(drawer.getByText('Debe tener al menos 1 caracteres')).toBeVisible();
  await expect(drawer.getByRole('alert')).toContainText('Revise los campos marcados.');
  await shot(page, testInfo, 'field error');

  await drawer.getByLabel('Nombre').fill(name);
  await drawer.getByLabel('Dirección').fill('Avenida Grecia 8735');
  await drawer.getByLabel('Ciudad').fill('Santiago');
  await drawer.getByLabel('País').fill('Chile');
  await drawer.getByLabel('Latitud').fill('-33.4869');
  await drawer.getByLabel('Longitud').fill('-70.5361');
  await drawer.getByRole('button', { name: 'Guardar' }).click();

  await expect(drawer).toBeHidden();
  await expect(page.getByText(`Ubicación «${name}» creada.`)).toBeVisible();
  await expect(page).toHaveURL(/\/locations$/);
  await shot(page, testInfo, 'created');
});

test('search ignores accents: “Penalolen” finds “Peñalolén”', async ({ page }, testInfo) => {
  await openSignedIn(page, '/locations');
  await page.getByLabel('Buscar').fill(`Penalolen ${suffix}`);
  await expect(page).toHaveURL(new RegExp(`q=Penalolen`));
  const table = page.getByRole('table', { name: 'Ubicaciones del espacio de trabajo' });
  await expect(rowOf(page, name)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // header + our location
  await shot(page, testInfo, 'found');

  await page.getByLabel('Buscar').fill('zzz-nothing-matches');
  await expect(page.getByText('Sin resultados')).toBeVisible();
  await page.getByRole('button', { name: 'Limpiar filtros' }).first().click();
  await expect(page.getByLabel('Buscar')).toHaveValue('');
});

test('edit: the drawer opens with the record and saves only what changed', async ({ page }, testInfo) => {
  await openSignedIn(page, `/locations?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name: `Editar ${name}` }).click();
  const drawer = page.getByRole('dialog', { name: 'Editar ubicación' });
  await expect(drawer.getByLabel('Nombre')).toHaveValue(name);
  await expect(drawer.getByLabel('Ciudad')).toHaveValue('Santiago');

  await drawer.getByLabel('Ciudad').fill('Santiago de Chile');
  await drawer.getByLabel('Código postal').fill('7910000');
  await shot(page, testInfo, 'editing');
  await drawer.getByRole('button', { name: 'Guardar' }).click();

  await expect(drawer).toBeHidden();
  await expect(page.getByText(`Ubicación «${name}» guardada.`)).toBeVisible();
  // Closing the drawer kept the list's filter and gave focus back to the link that opened it.
  await expect(page).toHaveURL(/\/locations\?q=/);
  await expect(page.getByRole('link', { name: `Editar ${name}` })).toBeFocused();
  await expect(rowOf(page, name).getByRole('cell', { name: 'Santiago de Chile' })).toBeVisible();
});

test('delete: asks first, cancelling keeps it, confirming removes it', async ({ page }, testInfo) => {
  await openSignedIn(page, `/locations?q=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Eliminar ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Eliminar ubicación' });
  await expect(confirm).toContainText(`¿Eliminar «${name}»? Esta acción no se puede deshacer.`);
  await expect(confirm.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  await shot(page, testInfo, 'confirm');
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await expect(rowOf(page, name)).toBeVisible();

  await page.getByRole('button', { name: `Eliminar ${name}` }).click();
  await confirm.getByRole('button', { name: 'Eliminar' }).click();
  await expect(page.getByText(`Ubicación «${name}» eliminada.`)).toBeVisible();
  await expect(page.getByText('Sin resultados')).toBeVisible();
});

test('keyset paging: “Cargar más” brings the next page until there is no more', async ({ page }, testInfo) => {
  await openSignedIn(page, `/locations?city=${encodeURIComponent(E2E.pagingCity)}`);
  const table = page.getByRole('table', { name: 'Ubicaciones del espacio de trabajo' });
  await expect(table.getByRole('row')).toHaveCount(51); // header + one page of 50
  await expect(page.getByText('50 registros mostrados')).toBeVisible();

  await page.getByRole('button', { name: 'Cargar más' }).click();
  await expect(table.getByRole('row')).toHaveCount(E2E.pagingCount + 1);
  await expect(page.getByText(`${E2E.pagingCount} registros mostrados · No hay más registros.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cargar más' })).toHaveCount(0);
  await expect(table.getByRole('row').last()).toContainText(`Sucursal ${String(E2E.pagingCount).padStart(3, '0')}`);

  // Sorting goes to the URL and reorders from the first page.
  await page.getByLabel('Ordenar por').selectOption('-name');
  await expect(page).toHaveURL(/sort=-name/);
  await expect(table.getByRole('row').nth(1)).toContainText(`Sucursal ${String(E2E.pagingCount).padStart(3, '0')}`);
  await shot(page, testInfo, 'sorted');
});
