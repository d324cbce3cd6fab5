import type { Context } from 'hono';
import * as v from 'valibot';
import { MAX_JSON_DEPTH } from '../src/api/limits.js';
import { problem } from './problem.js';
import { sha1, sha256 } from './web-crypto.js';

export { sameSecret } from './web-crypto.js';

export const etagOf = async (body: string) => `"${(await sha1(body)).slice(0, 20)}"`;

/** Does an If-None-Match header list this ETag (weak or strong)? */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A JSON read with ETag, Cache-Control and 304 on a matching If-None-Match. */
export async function cachedJson(c: Context, body: string, cacheControl: string, known?: string) {
  const etag = known ?? (await etagOf(body));
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  c.header('Vary', 'Origin, Accept-Encoding');
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/**
 * How deep the brackets of a JSON text nest, outside strings: checked before parsing, since a
 * body of 30 000 `[` parses fine and then overflows the stack of whatever walks it recursively.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) max = Math.max(max, ++depth);
    else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

/** Parses and validates a JSON body, or answers with the problem that says why not. */
export async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<{ ok: true; value: v.InferOutput<S>; raw: unknown } | { ok: false; response: Response }> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    return { ok: false, response: problem(c, 415, 'unsupported-media-type', 'Send the body as application/json') };
  }
  let raw: unknown;
  try {
    const text = await c.req.text();
    if (nestingDepth(text) > MAX_JSON_DEPTH) {
      return {
        ok: false,
        response: problem(c, 400, 'invalid-body', `The body nests deeper than ${MAX_JSON_DEPTH} levels`),
      };
    }
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: problem(c, 400, 'invalid-body', 'The body is not valid JSON') };
  }
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    const errors = result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
    const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    return { ok: false, response: problem(c, 400, 'invalid-body', detail, { errors }) };
  }
  return { ok: true, value: result.output, raw };
}

/** The bearer token of the request, if any. */
export function bearer(c: Context): string | undefined {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** What is stored of an edit token: its SHA-256 (base64url), never the token. */
export const hashToken = (token: string) => sha256(token);
