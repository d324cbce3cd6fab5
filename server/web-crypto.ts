/**
 * Hashes and random tokens through Web Crypto (`globalThis.crypto`), which Node (20+), Deno, Bun,
 * workers and browsers all have: the API (server/api.ts) runs on any fetch-style runtime, so it
 * imports nothing from node:crypto. Digests are asynchronous there; callers await them.
 */
const encoder = new TextEncoder();

/** base64url without padding, as Node's `digest('base64url')` writes it. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

async function digest(algorithm: 'SHA-1' | 'SHA-256', text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, encoder.encode(text)));
}

/** Hex SHA-256 of the trimmed, lower-cased address: the same value as emailHash() in server/email-hash.ts (Node). */
export async function emailHashOf(email: string): Promise<string> {
  const bytes = await digest('SHA-256', email.trim().toLowerCase());
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 4 or 6 for an IP literal, else 0 (node:net's isIP, which the fetch-runtime API cannot import). */
export function ipFamily(name: string): 0 | 4 | 6 {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255 && String(Number(part)) === part) ? 4 : 0;
  if (!name.includes(':')) return 0;
  try {
    // The URL parser accepts exactly the valid IPv6 literals between brackets.
    return new URL(`http://[${name}]/`).hostname.startsWith('[') ? 6 : 0;
  } catch {
    return 0;
  }
}

export const sha256 = async (text: string) => base64url(await digest('SHA-256', text));
export const sha1 = async (text: string) => base64url(await digest('SHA-1', text));

/** `bytes` random bytes as base64url (24 bytes: a 32-character token). */
export function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * Constant-time comparison of two secrets: both are hashed first (equal lengths, and nothing to
 * learn from where they differ), then every byte is compared whatever the earlier ones were.
 */
export async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest('SHA-256', a), digest('SHA-256', b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
