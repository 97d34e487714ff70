import { E2E } from './support/env';
import { expect, openSignedIn, rowOf, shot, test } from './support/fixtures';

test('the navigation leads to each screen and marks the current one', async ({ page }, testInfo) => {
  await openSignedIn(page, '/');
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: 'Panel' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Ubicaciones' }).click();
  await expect(page).toHaveURL(/\/locations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ubicaciones' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Ubicaciones' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Ubicaciones · Ficha');
  await shot(page, testInfo, 'locations');

  await page.goto('/no-such-screen');
  await expect(page.getByRole('heading', { level: 1, name: 'Página no encontrada' })).toBeVisible();
  await page.getByRole('link', { name: 'Ir al panel', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
});

test('a member sees only what their permissions allow, in their own language', async ({ page }, testInfo) => {
  // The reader holds only locations:read and their culture is Portuguese.
  await openSignedIn(page, '/locations', E2E.reader);
  await expect(page.getByRole('heading', { level: 1, name: 'Localizações' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await expect(rowOf(page, 'Sede Madrid Centro')).toBeVisible();

  await expect(page.getByRole('link', { name: 'Nova localização' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Ações' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Editar / })).toHaveCount(0);
  await shot(page, testInfo, 'read-only list');

  // Typing the create URL by hand leads back to the list.
  await page.goto('/locations/new');
  await expect(page).toHaveURL(/\/locations$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('at phone width the navigation folds behind a menu button', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, '/');
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: 'Ubicaciones' })).not.toBeInViewport();

  await page.getByRole('button', { name: 'Mostrar u ocultar la navegación' }).click();
  await expect(nav.getByRole('link', { name: 'Ubicaciones' })).toBeInViewport();
  await shot(page, testInfo, 'menu open');
  await nav.getByRole('link', { name: 'Ubicaciones' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ubicaciones' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Ubicaciones' })).not.toBeInViewport();
  await expect(rowOf(page, 'Sede Madrid Centro')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'País' })).toBeHidden();
  await shot(page, testInfo, 'locations on a phone');
});
