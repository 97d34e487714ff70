/**
 * Direct calls to the API for a spec's preparation (records it needs but does not test
 * creating), signed in as the administrator.
 */
import { expect } from '@playwright/test';
import { baseURL, E2E } from './env';

async function adminToken(): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: E2E.workspace, email: E2E.admin.email, password: E2E.admin.password }),
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** POST a JSON body as the administrator and return the created record. */
export async function createAsAdmin<T>(path: string, body: unknown): Promise<T> {
  const token = await adminToken();
  const response = await fetch(`${baseURL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as T;
}
