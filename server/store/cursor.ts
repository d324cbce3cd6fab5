/** Opaque keyset cursors: the sort and the last row's key, as base64url JSON. */
export type CursorKey = (string | number)[];

export class InvalidCursorError extends Error {}

export function encodeCursor(kind: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string | undefined, shape: ('string' | 'number')[]): CursorKey | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is not one this server made');
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== shape.length + 1) {
    throw new InvalidCursorError('The cursor belongs to another list or sort');
  }
  const key = parsed.slice(1) as CursorKey;
  if (!key.every((value, i) => typeof value === shape[i])) throw new InvalidCursorError('The cursor is damaged');
  return key;
}
