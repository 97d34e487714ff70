import { expect, openSignedIn, shot, test } from './support/fixtures';

test('switching language es → pt → en changes the console and the API’s messages', async ({ page }, testInfo) => {
  await openSignedIn(page, '/locations');
  await expect(page.getByRole('heading', { level: 1, name: 'Ubicaciones' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.getByRole('button', { name: 'Idioma: Español' }).click();
  await page.getByRole('menuitem', { name: 'Português' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Localizações' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Painel' })).toBeVisible();
  await expect(page.getByLabel('Ordenar por')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await shot(page, testInfo, 'portugues');

  await page.getByRole('button', { name: 'Idioma: Português' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByLabel('Sort by')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The API answers in the language chosen too (Accept-Language).
  await page.getByRole('link', { name: 'New location' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'New location' });
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByText('String should have at least 1 character')).toBeVisible();
  await shot(page, testInfo, 'english');

  // The choice outlives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible();
});
