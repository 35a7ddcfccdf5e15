// Short random ids for blocks and pages, from the platform's CSPRNG (browser and Node alike).
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A 12-character random id (about 71 bits), optionally prefixed: `newId('b')` → `b_x3Kq…`. */
export function newId(prefix?: string): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return prefix ? `${prefix}_${id}` : id;
}
