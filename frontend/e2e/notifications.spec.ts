import { baseURL } from './support/env';
import { apiToken, expect, openSignedIn, shot, test, unique } from './support/fixtures';

test('a broadcast arrives in the bell live, without a reload, and can be marked read', async ({ page }, testInfo) => {
  // Let the stream connect before sending: the page must not need a reload to see it.
  const streamOpen = page.waitForResponse((response) => response.url().includes('/api/v1/notifications/stream'));
  await openSignedIn(page, '/');
  const bell = page.getByRole('button', { name: /^Notificaciones/ });
  await expect(bell).toBeVisible();
  await streamOpen;
  const title = unique('Aviso en vivo');
  const token = await apiToken();
  const response = await fetch(`${baseURL}/api/v1/notifications/broadcasts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      kind: 'info',
      title,
      body: 'Llega por el canal en tiempo real.',
      link: '/locations',
      action: 'Ver',
    }),
  });
  expect(response.status).toBe(201);

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
