// 64 symbols, so one random byte masked to 6 bits picks a symbol without modulo bias.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LENGTH = 12;

/**
 * A random cell/notebook id valid under nbformat 4.5 (`^[a-zA-Z0-9-_]{1,64}$`).
 * 12 symbols = 72 bits, so collisions within a notebook are not a practical concern.
 */
export function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(LENGTH));
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}
