import { expect, openSignedIn, shot, test, unique } from './support/fixtures';

test('a notice broadcast from the bell arrives live in the bell (no reload) and can be marked read', async ({
  page,
}, testInfo) => {
  // Let the stream connect before sending: the page must not need a reload to see it.
  const streamOpen = page.waitForResponse((response) => response.url().includes('/api/v1/notifications/stream'));
  await openSignedIn(page, '/');
  const bell = page.getByRole('button', { name: /^Notificaciones/ });
  await expect(bell).toBeVisible();
  await streamOpen;

  await bell.click();
  await page.getByRole('button', { name: 'Enviar un aviso a todos' }).click();
  const composer = page.getByRole('dialog', { name: 'Aviso para todo el espacio de trabajo' });
  const title = unique('Aviso en vivo');
  await composer.getByRole('textbox', { name: /^Título/ }).fill(title);
  await composer.getByRole('textbox', { name: 'Mensaje' }).fill('Llega por el canal en tiempo real.');
  await composer.getByRole('textbox', { name: /^Enlace/ }).fill('/locations');
  await composer.getByRole('textbox', { name: 'Texto del enlace' }).fill('Ver');
  await shot(page, testInfo, 'composer');
  await composer.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByText('Aviso enviado.')).toBeVisible();

  await expect(bell).toHaveAccessibleName(/sin leer/, { timeout: 15_000 });
  await shot(page, testInfo, 'badge');
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notificaciones' });
  const item = panel.getByRole('listitem').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByRole('link', { name: 'Ver' })).toHaveAttribute('href', '/locations');
  await shot(page, testInfo, 'panel');

  await item.getByRole('button', { name: `Marcar como leída: ${title}` }).click();
  await expect(item.getByRole('button', { name: `Marcar como leída: ${title}` })).toHaveCount(0);
});
