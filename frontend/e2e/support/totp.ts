/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30 s), computed from the secret the enrolment screen shows,
 * as an authenticator app would. Node's crypto is enough: no dependency for twenty lines.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_MS = 30_000;

function base32(secret: string): Buffer {
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

export function totpStep(now = Date.now()): number {
  return Math.floor(now / STEP_MS);
}

export function totp(secret: string, step = totpStep()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const code = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

/** A code of a later step than `usedStep` (the API refuses a code twice), waiting for it if needed. */
export async function nextTotp(secret: string, usedStep: number): Promise<string> {
  while (totpStep() <= usedStep) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return totp(secret);
}
