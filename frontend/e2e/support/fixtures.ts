import { mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page, type TestInfo } from '@playwright/test';
import { baseURL, controlURL, E2E } from './env';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Save a screenshot (of the viewport, as a person sees it) under e2e/screenshots/<spec>/ and attach it to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const spec = basename(testInfo.file).replace(/\.spec\.ts$/, '');
  const path = join(SCREENSHOTS, spec, `${slug(testInfo.title)}--${slug(name)}.png`);
  mkdirSync(dirname(path), { recursive: true });
  const image = await page.screenshot({ path });
  await testInfo.attach(name, { body: image, contentType: 'image/png' });
}

export type Account = { email: string; password: string };

/** Fill the sign-in form (labels in Spanish: the browser's locale is es-ES). */
export async function signIn(page: Page, account: Account = E2E.admin, workspace: string = E2E.workspace) {
  await page.getByLabel('Espacio de trabajo').fill(workspace);
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.getByLabel('Contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Open the console at `path` as `account` (signing in on the way). */
export async function openSignedIn(page: Page, path = '/', account: Account = E2E.admin) {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: /Iniciar sesión|Entrar|Sign in/ })).toBeVisible();
  await signIn(page, account);
  await expect(page.getByRole('banner')).toBeVisible();
}

/** Ask the e2e server to revoke every session, as if they had expired. */
export async function revokeAllSessions(): Promise<void> {
  const response = await fetch(`${controlURL}/sessions/revoke`, { method: 'POST' });
  expect(response.ok).toBe(true);
}

/** A name no other run or spec has used, for records a spec creates. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** Every spec leaves a screenshot of how it ended, pass or fail. */
export const test = base.extend<{ finalShot: void }>({
  finalShot: [
    async ({ page }, use, testInfo) => {
      await use();
      await shot(page, testInfo, testInfo.status === 'passed' ? 'end' : `end-${testInfo.status ?? 'unknown'}`);
    },
    { auto: true },
  ],
});

export { expect };

/** The table row of the record named exactly `name` (its cell also holds the street, etc.). */
export function rowOf(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** The newest email the SMTP catcher received for `address`, waiting for it to arrive. */
export async function mailTo(address: string): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${controlURL}/mails`);
        const mails = (await response.json()) as CapturedMail[];
        found = mails.filter((mail) => mail.to.includes(address)).at(-1);
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Sign in through the API itself (not the page), for a spec that must act as someone else. */
export async function apiToken(account: Account = E2E.admin): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: E2E.workspace, email: account.email, password: account.password }),
  });
  expect(response.ok).toBe(true);
  const pair = (await response.json()) as { access_token: string };
  return pair.access_token;
}
