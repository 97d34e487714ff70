/**
 * The last workspace signed in to, so people type only email and password next time.
 * It is not secret: localStorage (shared across tabs, kept across restarts) is fine.
 */
const KEY = 'ficha.workspace';

export function readRememberedWorkspace(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberWorkspace(workspace: string): void {
  try {
    window.localStorage.setItem(KEY, workspace.trim().toLowerCase());
  } catch {
    // Storage unavailable: nothing to remember.
  }
}
