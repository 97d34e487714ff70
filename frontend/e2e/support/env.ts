/**
 * What the browser tests and their server (`tests/e2e/server.py`) agree on. The Playwright
 * config hands these to the server as environment variables, so this file is the one source.
 */
export const E2E = {
  port: Number(process.env.FICHA_E2E_PORT ?? 8765),
  controlPort: Number(process.env.FICHA_E2E_CONTROL_PORT ?? 8766),
  smtpPort: Number(process.env.FICHA_E2E_SMTP_PORT ?? 8767),
  workspace: 'e2e',
  admin: { email: 'admin@e2e.test', password: 'e2e admin passphrase', firstName: 'Ana' },
  /** Holds only `locations:read`; culture `pt`. */
  reader: { email: 'lectora@e2e.test', password: 'e2e reader passphrase', firstName: 'Lia' },
  /** A reader the MFA spec enrols (no other spec signs in as them). */
  mfa: { email: 'mfa@e2e.test', password: 'e2e mfa passphrase', firstName: 'Marta' },
  /** Seeded with more locations than one page holds. */
  pagingCity: 'Paginópolis',
  pagingCount: 55,
} as const;

export const baseURL = `http://127.0.0.1:${E2E.port}`;
export const controlURL = `http://127.0.0.1:${E2E.controlPort}`;

export function serverEnvironment(): Record<string, string> {
  return {
    FICHA_E2E_PORT: String(E2E.port),
    FICHA_E2E_CONTROL_PORT: String(E2E.controlPort),
    FICHA_E2E_SMTP_PORT: String(E2E.smtpPort),
    FICHA_E2E_WORKSPACE: E2E.workspace,
    FICHA_E2E_ADMIN_EMAIL: E2E.admin.email,
    FICHA_E2E_ADMIN_PASSWORD: E2E.admin.password,
    FICHA_E2E_READER_EMAIL: E2E.reader.email,
    FICHA_E2E_READER_PASSWORD: E2E.reader.password,
    FICHA_E2E_MFA_EMAIL: E2E.mfa.email,
    FICHA_E2E_MFA_PASSWORD: E2E.mfa.password,
  };
}
