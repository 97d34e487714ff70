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

test('a staff record: comment, integration token shown once then revoked, deactivate and activate', async ({
  page,
}, testInfo) => {
  await openSignedIn(page, '/staff');
  await page.getByRole('link', { name: 'Lia Leitora' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lia Leitora' })).toBeVisible();
  await shot(page, testInfo, 'details');

  await page.getByRole('tab', { name: 'Permisos opcionales' }).click();
  await expect(page.getByText('Sus roles no ofrecen permisos opcionales')).toBeVisible();

  await page.getByRole('tab', { name: 'Comentarios' }).click();
  const comment = unique('Prefiere el turno de mañana');
  await page.getByRole('textbox', { name: /^Comentario/ }).fill(comment);
  await page.getByRole('checkbox', { name: 'Fijado' }).check();
  await page.getByRole('button', { name: 'Añadir comentario' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: comment })).toBeVisible();
  await shot(page, testInfo, 'comments');

  await page.getByRole('tab', { name: 'Tokens de integración' }).click();
  await page.getByRole('textbox', { name: /^Descripción/ }).fill('Sincronización ERP');
  await page.getByRole('button', { name: 'Crear token' }).click();
  await expect(page.getByTestId('integration-token-secret')).not.toBeEmpty();
  await expect(page.getByRole('row').filter({ hasText: 'Sincronización ERP' })).toBeVisible();
  await shot(page, testInfo, 'token');
  await page.getByRole('button', { name: 'Ya lo he guardado' }).click();
  await page.getByRole('button', { name: 'Revocar el token «Sincronización ERP»' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revocar' }).click();
  await expect(page.getByText('No hay tokens activos')).toBeVisible();

  await page.getByRole('button', { name: 'Acciones' }).click();
  await page.getByRole('menuitem', { name: 'Desactivar' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Desactivar' }).click();
  await expect(page.getByText('Lia Leitora está inactivo.')).toBeVisible();
  await page.getByRole('button', { name: 'Acciones' }).click();
  await page.getByRole('menuitem', { name: 'Activar' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Activar' }).click();
  await expect(page.getByText('Lia Leitora está activo.')).toBeVisible();
});

test('roles & permissions and groups administration', async ({ page }, testInfo) => {
  await openSignedIn(page, '/staff/roles');
  await expect(page.getByRole('heading', { level: 1, name: 'Roles y permisos' })).toBeVisible();
  await page.getByRole('link', { name: 'Nuevo rol' }).click();
  const roleName = unique('Auditoría');
  const drawer = page.getByRole('dialog', { name: 'Nuevo rol' });
  await drawer.getByRole('textbox', { name: /^Nombre/ }).fill(roleName);
  await drawer.getByRole('checkbox', { name: 'Conceder locations:read' }).check();
  await drawer.getByRole('checkbox', { name: 'Ofrecer locations:write como opcional' }).check();
  await shot(page, testInfo, 'role-form');
  await drawer.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('row').filter({ hasText: roleName })).toContainText('1 permisos · 1 opcionales');
  await shot(page, testInfo, 'roles');

  await page.goto('/staff/groups');
  await page.getByRole('link', { name: 'Nuevo grupo' }).click();
  const groupName = unique('Turno de noche');
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: /^Nombre/ })
    .fill(groupName);
  await page.getByRole('dialog').getByRole('button', { name: 'Guardar' }).click();
  const members = page.getByRole('dialog', { name: groupName });
  await expect(members.getByText('El grupo no tiene miembros')).toBeVisible();
  await members.getByRole('combobox', { name: 'Añadir miembro' }).fill('leitora');
  await page.getByRole('option', { name: /Lia Leitora/ }).click();
  await members.getByRole('button', { name: 'Añadir', exact: true }).click();
  await expect(members.getByRole('button', { name: 'Quitar a Lia Leitora del grupo' })).toBeVisible();
  await shot(page, testInfo, 'group');
});

test('at phone width the staff list and the profile fit, with the navigation behind the menu button', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, '/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Personal' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mostrar u ocultar la navegación' })).toBeVisible();
  await expect(rowOf(page, 'Ana Admin')).toBeVisible();
  await shot(page, testInfo, 'staff-phone');
  await page.goto('/profile?tab=security');
  await expect(page.getByRole('heading', { level: 1, name: 'Mi perfil' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, testInfo, 'profile-phone');
});
