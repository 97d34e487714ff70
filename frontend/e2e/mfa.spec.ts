import { baseURL, E2E } from './support/env';
import { apiToken, expect, mailTo, openSignedIn, shot, signIn, test, unique } from './support/fixtures';
import { nextTotp, totp, totpStep } from './support/totp';

test('enrol in MFA from the profile, sign out, and sign in again through the MFA challenge', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000); // the second code must come from a later 30-second step
  await openSignedIn(page, '/profile?tab=security', E2E.mfa);
  await expect(page.getByRole('heading', { level: 1, name: 'Mi perfil' })).toBeVisible();
  await expect(page.getByText('Desactivada')).toBeVisible();

  await page.getByRole('button', { name: 'Configurar ahora' }).click();
  await expect(page.getByRole('img', { name: 'Código QR para la aplicación de autenticación' })).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await shot(page, testInfo, 'qr');

  // A wrong code is refused under the field; the right one turns MFA on.
  await page.getByLabel('Código de 6 dígitos').fill(totp(secret) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Activar' }).click();
  await expect(page.getByLabel('Código de 6 dígitos')).toHaveAttribute('aria-invalid', 'true');

  const enrolStep = totpStep();
  await page.getByLabel('Código de 6 dígitos').fill(totp(secret, enrolStep));
  await page.getByRole('button', { name: 'Activar' }).click();
  const codes = page.getByRole('list', { name: 'Códigos de recuperación' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await shot(page, testInfo, 'recovery-codes');
  await page.getByRole('button', { name: 'Ya los he guardado' }).click();
  await expect(page.getByText('Activada', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: /Menú de usuario/ }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, E2E.mfa);
  await expect(page.getByRole('heading', { level: 1, name: 'Verificación en dos pasos' })).toBeVisible();
  await shot(page, testInfo, 'challenge');
  await page.getByLabel('Código de verificación').fill(await nextTotp(secret, enrolStep));
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
  await expect(page.getByText(`Hola, ${E2E.mfa.firstName}.`)).toBeVisible();
});

test('a role that requires MFA sends its member to enrol before anything else', async ({ page }, testInfo) => {
  const admin = { 'Content-Type': 'application/json', Authorization: `Bearer ${await apiToken()}` };
  const roleResponse = await fetch(`${baseURL}/api/v1/roles`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name: unique('Con MFA'), permissions: ['locations:read'], mfa_required: true }),
  });
  expect(roleResponse.status).toBe(201);
  const role = (await roleResponse.json()) as { id: string };
  const email = `${unique('mfa').replace(/\s+/g, '')}@example.com`;
  const userResponse = await fetch(`${baseURL}/api/v1/users`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ first_name: 'Obligada', email, roles: [role.id] }),
  });
  expect(userResponse.status).toBe(201);
  const token = /accept-invitation\?token=([^\s"<>]+)/.exec((await mailTo(email)).text)?.[1];
  const password = 'otra frase larga y segura 7';
  const accepted = await fetch(`${baseURL}/api/v1/auth/invitations/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: decodeURIComponent(token ?? ''), password }),
  });
  expect(accepted.ok).toBe(true);

  await page.goto('/locations');
  await signIn(page, { email, password });
  await expect(page.getByRole('heading', { level: 1, name: 'Active la verificación en dos pasos' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await shot(page, testInfo, 'forced');
  await page.getByRole('button', { name: 'Configurar ahora' }).click();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
  await page.getByLabel('Código de 6 dígitos').fill(totp(secret));
  await page.getByRole('button', { name: 'Activar' }).click();
  await expect(page.getByRole('list', { name: 'Códigos de recuperación' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'Ya los he guardado' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ubicaciones' })).toBeVisible();
});
