import { createAsAdmin } from './support/api';
import { expect, openSignedIn, rowOf, shot, test, unique } from './support/fixtures';

// One customer goes from creation to being found, so these run in order.
test.describe.configure({ mode: 'serial' });

const email = `${unique('jose').replace(' ', '.')}@example.com`;
const name = 'José Pérez Núñez';

test('create a customer with additional fields: the required one is enforced', async ({ page }, testInfo) => {
  await openSignedIn(page, '/customers');
  await expect(page.getByRole('heading', { level: 1, name: 'Clientes' })).toBeVisible();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'Nuevo cliente' });
  await expect(drawer.getByLabel('Nombre')).toBeFocused();

  await drawer.getByLabel('Nombre').fill('José');
  await drawer.getByLabel('Apellidos').fill('Pérez Núñez');
  await drawer.getByLabel('Correo electrónico').fill(email);
  await drawer.getByLabel('Teléfono').fill('+34 612 345 678');
  // The additional fields come from the workspace's definitions, each input by its type.
  await expect(drawer.getByRole('group', { name: 'Campos adicionales' })).toBeVisible();
  await drawer.getByLabel('Recibe boletín').check();
  await drawer.getByLabel('Talla de calzado').fill('42');

  // "Plan de socio" is required: the API says so, under the field.
  await drawer.getByRole('button', { name: 'Guardar' }).click();
  await expect(drawer.getByLabel('Plan de socio')).toHaveAttribute('aria-invalid', 'true');
  await expect(drawer.getByRole('alert')).toBeVisible();
  await shot(page, testInfo, 'required field');

  await drawer.getByLabel('Plan de socio').selectOption('plus');
  await drawer.getByRole('button', { name: 'Guardar' }).click();

  // Saved: its 360° record opens.
  await expect(page.getByText(`«${name}» creado.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  await page.getByRole('tab', { name: 'Campos adicionales' }).click();
  await expect(page.getByLabel('Plan de socio')).toHaveValue('plus');
  await expect(page.getByLabel('Talla de calzado')).toHaveValue('42');
  await expect(page.getByLabel('Recibe boletín')).toBeChecked();
  await shot(page, testInfo, 'record');
});

test('a second contact with the same email points to the existing one', async ({ page }, testInfo) => {
  await openSignedIn(page, '/customers');
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'Nuevo cliente' });
  await drawer.getByLabel('Nombre').fill('Otro');
  await drawer.getByLabel('Correo electrónico').fill(email.toUpperCase());
  await drawer.getByLabel('Plan de socio').selectOption('básico');
  await drawer.getByRole('button', { name: 'Guardar' }).click();
  await expect(drawer.getByLabel('Correo electrónico')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, testInfo, 'duplicate');
  await drawer.getByRole('link', { name: 'Abrir el registro existente' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('search ignores accents and small typos: “jose perez nunes” finds “José Pérez Núñez”', async ({
  page,
}, testInfo) => {
  await openSignedIn(page, '/customers');
  await page.getByLabel('Buscar').fill('jose perez nunes');
  await expect(page).toHaveURL(/q=jose/);
  const table = page.getByRole('table', { name: 'Clientes del espacio de trabajo' });
  await expect(table.getByRole('link', { name })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // header + our customer
  await expect(page.getByTestId('metric-clients')).toHaveText('1');
  await shot(page, testInfo, 'found');
});

test('bulk: deactivate a selection, and the rest stays active', async ({ page }, testInfo) => {
  const city = unique('Bulkópolis');
  const people = ['Ana Bulk', 'Bruno Bulk', 'Carla Bulk'];
  for (const person of people) {
    const [first, last] = person.split(' ');
    await createAsAdmin('/api/v1/contacts', {
      kind: 'customer',
      first_name: first,
      last_name: last,
      city,
      custom_fields: { membership: 'básico' },
    });
  }
  await openSignedIn(page, `/customers?city=${encodeURIComponent(city)}`);
  const table = page.getByRole('table', { name: 'Clientes del espacio de trabajo' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByTestId('metric-clients')).toHaveText('3');

  await table.getByRole('checkbox', { name: 'Seleccionar Ana Bulk' }).check();
  await table.getByRole('checkbox', { name: 'Seleccionar Bruno Bulk' }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Acciones sobre la selección' });
  await expect(toolbar).toContainText('2 seleccionados');
  await shot(page, testInfo, 'selected');
  await toolbar.getByRole('button', { name: 'Desactivar' }).click();

  await expect(page.getByText('2 de 2 registros cambiados.')).toBeVisible();
  await expect(toolbar).toBeHidden();
  await expect(rowOf(page, 'Ana Bulk')).toContainText('Inactivo');
  await expect(rowOf(page, 'Bruno Bulk')).toContainText('Inactivo');
  await expect(rowOf(page, 'Carla Bulk')).toContainText('Activo');

  // The status filter agrees.
  await page.getByLabel('Estado').selectOption('inactive');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('metric-clients')).toHaveText('2');
  await shot(page, testInfo, 'deactivated');
});

test('at phone width the list and the record fit the screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, `/customers?q=${encodeURIComponent('jose perez nunes')}`);
  const table = page.getByRole('table', { name: 'Clientes del espacio de trabajo' });
  await expect(table.getByRole('link', { name })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Teléfono' })).toBeHidden();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await shot(page, testInfo, 'list');

  await table.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await shot(page, testInfo, 'record');
});
