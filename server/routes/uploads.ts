import { Hono } from 'hono';
import { imageSize } from 'image-size';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { problem } from '../problem.js';
import { requireAdmin, type Deps } from './auth.js';

export const UPLOAD_PATH = '/admin/uploads';
const TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' } as const;
type Ext = keyof typeof TYPES;
const NAME = /^[a-f0-9]{64}\.(jpg|png|webp|avif)$/;

/**
 * The image type from its first bytes, never from the name or the Content-Type the client sent:
 * only these four raster formats. SVG (scriptable), GIF, HEIC and everything else are refused.
 */
export function sniffImage(bytes: Uint8Array): Ext | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b))
    return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  // ISO-BMFF: a leading `ftyp` box whose major or compatible brands name AVIF.
  if (bytes.length >= 16 && ascii(4, 8) === 'ftyp') {
    const size = Math.min(((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0, bytes.length);
    for (let at = 8; at + 4 <= size; at += 4) {
      if (at === 12) continue; // the minor version, not a brand
      const brand = ascii(at, at + 4);
      if (brand === 'avif' || brand === 'avis') return 'avif';
    }
  }
  return undefined;
}

/** Uploads live in `uploads/` beside the SQLite file (a temporary folder for an in-memory one). */
export function uploadsDir(db: string): string {
  return db === ':memory:' ? join(tmpdir(), `review-uploads-${process.pid}`) : join(dirname(resolve(db)), 'uploads');
}

/**
 * POST /v1/admin/uploads (the raw image as the body) stores an image under its SHA-256, so the same
 * image uploaded twice is one file and a name never changes meaning; GET /v1/uploads/{name} serves
 * it for a year, immutable, to any site (Cross-Origin-Resource-Policy: cross-origin), for blogs
 * on another origin than the API.
 */
export function uploadRoutes(deps: Deps, config: Pick<Config, 'db' | 'uploadMaxBytes' | 'uploadMaxPixels'>) {
  const app = new Hono();
  const dir = uploadsDir(config.db);

  app.post(UPLOAD_PATH, requireAdmin(deps), async (c) => {
    const max = config.uploadMaxBytes;
    const tooLarge = () => problem(c, 413, 'payload-too-large', `Images are at most ${Math.floor(max / 1024)} KiB`);
    if (Number(c.req.header('Content-Length')) > max) return tooLarge();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > max) return tooLarge();
    if (!bytes.length) return problem(c, 400, 'invalid-body', 'Send the image as the request body');
    const ext = sniffImage(bytes);
    if (!ext)
      return problem(
        c,
        415,
        'unsupported-image',
        'This is not a JPEG, PNG, WebP or AVIF image (SVG is never accepted)',
      );
    let size: { width?: number; height?: number };
    try {
      size = imageSize(bytes);
    } catch {
      return problem(c, 415, 'unsupported-image', 'The image could not be read; it may be damaged');
    }
    const { width = 0, height = 0 } = size;
    if (!width || !height) return problem(c, 415, 'unsupported-image', 'The image has no size');
    if (width * height > config.uploadMaxPixels) {
      return problem(c, 422, 'image-too-large', `${width}×${height} is more than ${config.uploadMaxPixels} pixels`);
    }
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
    const file = join(dir, name);
    let created = false;
    try {
      statSync(file);
    } catch {
      mkdirSync(dir, { recursive: true });
      // Written aside, then renamed: a reader never gets half a file under the final name.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, bytes);
      renameSync(temp, file);
      created = true;
    }
    const url = `/v1/uploads/${name}`;
    c.header('Location', url);
    c.header('Cache-Control', 'no-store');
    return c.json({ url, type: TYPES[ext], width, height, bytes: bytes.length }, created ? 201 : 200);
  });

  app.get('/uploads/:name', (c) => {
    const name = c.req.param('name');
    const match = NAME.exec(name);
    if (!match) return problem(c, 404, 'not-found', `There is no upload ${name}`);
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      return problem(c, 404, 'not-found', `There is no upload ${name}`);
    }
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[match[1] as Ext],
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      ETag: `"${name.slice(0, 32)}"`,
    });
  });
  return app;
}
