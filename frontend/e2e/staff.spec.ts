import { E2E } from './support/env';
import { expect, mailTo, openSignedIn, rowOf, shot, test, unique } from './support/fixtures';

test('invite a user from the staff screen; they accept from the email and land signed in', async ({
  page,
}, testInfo) => {
  const firstName = unique('Invitada').replace(/\s+/g, '');
  const email = `${firstName.toLowerCase()}@example.com`; // the API refuses special-use domains (.test)

  await openSignedIn(page, '/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Personal' })).toBeVisible();
  await expect(rowOf(page, 'Ana Admin')).toBeVisible();

  await page.getByRole('link', { name: 'Invitar' }).click();
  const drawer = page.getByRole('dialog', { name: 'Invitar a una persona' });
  // The API validates: an empty form comes back with messages under the fields.
  await drawer.getByRole('button', { name: 'Enviar la invitación' }).click();
  await expect(drawer.getByRole('textbox', { name: /^Nombre/ })).toHaveAttribute('aria-invalid', 'true');
  await drawer.getByRole('textbox', { name: /^Nombre/ }).fill(firstName);
  await drawer.getByRole('textbox', { name: /^Apellidos/ }).fill('Nueva');
  await drawer.getByRole('textbox', { name: /^Correo electrónico/ }).fill(email);
  await drawer.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: 'Leitor' }).click();
  await drawer.getByRole('heading', { name: 'Invitar a una persona' }).click(); // closes the options
  await shot(page, testInfo, 'invite-form');
  await drawer.getByRole('button', { name: 'Enviar la invitación' }).click();
  await expect(page.getByText(`Invitación enviada a ${email}.`)).toBeVisible();

  // Accent-insensitive search on the server finds her.
  await page.getByLabel('Buscar').fill(firstName.toUpperCase());
  await expect(rowOf(page, `${firstName} Nueva`)).toBeVisible();
  await shot(page, testInfo, 'list');

  const mail = await mailTo(email);
  const link = /https?:\/\/\S+\/accept-invitation\?token=[^\s"<>]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();

  await page.getByRole('button', { name: /Menú de usuario/ }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Aceptar la invitación' })).toBeVisible();
  await page.getByLabel('Contraseña nueva').fill('una frase larga y segura 42');
  await page.getByLabel('Repita la contraseña').fill('una frase larga y segura 42');
  await shot(page, testInfo, 'accept');
  await page.getByRole('button', { name: 'Crear mi contraseña' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
  await expect(page.getByText(`Hola, ${firstName}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: `Menú de usuario de ${firstName} Nueva` })).toBeVisible();
  expect(E2E.workspace).toBe('e2e');
});
