import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';

/** The names of the entries of a .zip, read from its central directory (no unzip needed). */
export function zipEntries(bytes: Buffer): string[] {
  const endOfDirectory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a zip: no end of central directory');
  const count = bytes.readUInt16LE(endOfDirectory + 10);
  let offset = bytes.readUInt32LE(endOfDirectory + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error('not a zip: bad central directory entry');
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The bytes of a finished download. */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}
