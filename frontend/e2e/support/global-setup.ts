import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each run starts with an empty e2e/screenshots/, so what is there belongs to the last run. */
export default function globalSetup(): void {
  rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots'), { recursive: true, force: true });
}
