import { E2E } from './support/env';
import { expect, openSignedIn, rowOf, revokeAllSessions, shot, signIn, test } from './support/fixtures';

test('a refused sign-in shows the API’s reason; then signing in works and the workspace is remembered', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();

  await signIn(page, { email: E2E.admin.email, password: 'not the password' });
  // The detail is the API's own problem detail, localised by Accept-Language.
  await expect(page.getByRole('alert')).toContainText(
    'El espacio de trabajo, el correo o la contraseña no son correctos.',
  );
  await expect(page.getByLabel('Contraseña')).toHaveValue('');
  await shot(page, testInfo, 'refused');

  await page.getByLabel('Contraseña').fill(E2E.admin.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
  await expect(page.getByText(`Hola, ${E2E.admin.firstName}.`)).toBeVisible();
  await shot(page, testInfo, 'dashboard');

  await page.getByRole('button', { name: /Menú de usuario/ }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Espacio de trabajo')).toHaveValue(E2E.workspace);
  await page.reload();
  await expect(page.getByLabel('Espacio de trabajo')).toHaveValue(E2E.workspace);
});

test('a deep link survives signing in', async ({ page }) => {
  await page.goto('/locations?q=Sede');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Flocations%3Fq%3DSede$/);
  await signIn(page);
  await expect(page).toHaveURL(/\/locations\?q=Sede$/);
  await expect(page.getByLabel('Buscar')).toHaveValue('Sede');
  await expect(rowOf(page, 'Sede Madrid Centro')).toBeVisible();
});

test('a session that expires sends the user to sign in, then back where they were', async ({ page }, testInfo) => {
  await openSignedIn(page, '/locations');
  await expect(page.getByRole('heading', { level: 1, name: 'Ubicaciones' })).toBeVisible();

  await revokeAllSessions();
  await page.getByLabel('Buscar').fill('Lisboa');

  await expect(page).toHaveURL(/\/sign-in\?next=%2Flocations%3Fq%3DLisboa&reason=expired$/);
  await expect(page.getByRole('status').filter({ hasText: 'Su sesión ha caducado' })).toBeVisible();
  await shot(page, testInfo, 'expired');

  await signIn(page);
  await expect(page).toHaveURL(/\/locations\?q=Lisboa$/);
  await expect(rowOf(page, 'Centro Lisboa Baixa')).toBeVisible();
});
