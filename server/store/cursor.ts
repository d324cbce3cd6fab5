import { base64url, fromBase64url } from '../web-crypto.js';

/** Opaque keyset cursors: the sort and the last row's key, as base64url JSON. */
export type CursorKey = (string | number)[];

export class InvalidCursorError extends Error {}

export function encodeCursor(kind: string, key: CursorKey): string {
  return base64url(new TextEncoder().encode(JSON.stringify([kind, ...key])));
}

export function decodeCursor(
  kind: string,
  cursor: string | undefined,
  shape: ('string' | 'number')[],
): CursorKey | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)));
  } catch {
    throw new InvalidCursorError('The cursor is not one this server made');
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== shape.length + 1) {
    throw new InvalidCursorError('The cursor belongs to another list or sort');
  }
  const key = parsed.slice(1) as CursorKey;
  const valid = (value: unknown, i: number) =>
    typeof value === shape[i] && (typeof value !== 'number' || (Number.isSafeInteger(value) && value >= 0));
  if (!key.every(valid)) throw new InvalidCursorError('The cursor is damaged');
  // One spelling per cursor: anything but the exact text we make (padding, stray characters, other
  // JSON spacing or number forms) is refused, so a cache keyed by it holds one entry per page.
  if (encodeCursor(kind, key) !== cursor) throw new InvalidCursorError('The cursor is not one this server made');
  return key;
}
