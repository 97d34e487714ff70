import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The Chromium to drive: `CHROMIUM_PATH`, else `chromium` on the PATH (what `which chromium`
 * prints). Playwright cannot download its own browsers on these machines.
 */
export function findChromium(): string {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'chromium'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(
    'Chromium was not found (CHROMIUM_PATH, or `chromium` on the PATH), so the browser tests cannot run.\n' +
      '  Install it with:  apt-get install -y chromium   (npx playwright install cannot download browsers here)\n' +
      '  or point CHROMIUM_PATH at a Chromium binary.',
  );
}
