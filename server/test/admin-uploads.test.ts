import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { sniffImage } from '../routes/uploads.js';
import { ADMIN_TOKEN, removeDir, startServer, type Server } from './harness.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** A real, decodable PNG of width × height grey pixels. */
function png(width: number, height: number, data = true): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = data ? Buffer.alloc((width + 1) * height, 0x80) : Buffer.alloc(0);
  if (data) for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A WebP header (VP8X) that names its canvas size. */
function webp(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'latin1');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, vp8x]);
}

describe('admin: image uploads', () => {
  let server: Server;
  const upload = (body: Buffer, type = 'application/octet-stream', headers: Record<string, string> = admin) =>
    server.request('/v1/admin/uploads', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': type },
      body: new Uint8Array(body),
    });
  before(async () => {
    server = await startServer({
      REVIEW_ADMIN_TOKEN: ADMIN_TOKEN,
      REVIEW_UPLOAD_MAX_BYTES: String(200 * 1024),
      REVIEW_UPLOAD_MAX_PIXELS: '1000000',
    });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('stores a PNG under its hash beside the database and serves it immutable and cross-origin', async () => {
    const image = png(120, 80);
    const res = await upload(image, 'image/svg+xml'); // the declared type is ignored: the bytes decide
    assert.equal(res.status, 201);
    const body = await res.json();
    const hash = createHash('sha256').update(image).digest('hex');
    assert.deepEqual(body, {
      url: `/v1/uploads/${hash}.png`,
      type: 'image/png',
      width: 120,
      height: 80,
      bytes: image.length,
    });
    assert.ok(existsSync(join(server.dir, 'uploads', `${hash}.png`)));
    const again = await upload(image);
    assert.equal(again.status, 200, 'the same bytes are one file');

    const served = await server.request(body.url, { headers: { Origin: 'https://blog.example' } });
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('Content-Type'), 'image/png');
    assert.equal(served.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal(served.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), image);
    assert.equal((await server.request(`/v1/uploads/${'0'.repeat(64)}.png`)).status, 404);
    assert.equal((await server.request('/v1/uploads/..%2Freviews.db')).status, 404);
  });

  it('takes a WebP and a JPEG by their bytes', async () => {
    const w = await upload(webp(300, 200));
    assert.equal(w.status, 201);
    assert.deepEqual([(await w.json()).type], ['image/webp']);
    // A baseline JPEG header: SOI, a JFIF APP0, then SOF0 with 64×48.
    const jfif = [
      0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    ];
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      ...jfif,
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x30,
      0x00,
      0x40,
      0x03,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
      0xff,
      0xd9,
    ]);
    const j = await upload(jpeg);
    assert.equal(j.status, 201);
    const jb = await j.json();
    assert.deepEqual([jb.type, jb.width, jb.height], ['image/jpeg', 64, 48]);
    // AVIF is recognised by its ftyp brands (major, or compatible after the minor version).
    assert.equal(sniffImage(Buffer.from('\0\0\0\x18ftypavif\0\0\0\0mif1miaf', 'latin1')), 'avif');
    assert.equal(sniffImage(Buffer.from('\0\0\0\x18ftypmif1\0\0\0\0miafavif', 'latin1')), 'avif');
    assert.equal(sniffImage(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1')), undefined);
  });

  it('refuses SVG, GIF, text and damaged images, too many bytes or pixels, and strangers', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    for (const bad of [
      svg,
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      Buffer.from('hello'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    ]) {
      const res = await upload(bad, 'image/png');
      assert.equal(res.status, 415, bad.toString('latin1').slice(0, 20));
      assert.equal((await res.json()).code, 'unsupported-image');
    }
    const huge = await upload(png(2000, 2000, false));
    assert.equal(huge.status, 422);
    assert.equal((await huge.json()).code, 'image-too-large');
    const big = await upload(Buffer.concat([png(10, 10), Buffer.alloc(210 * 1024)]));
    assert.equal(big.status, 413);
    assert.equal((await upload(png(10, 10), 'image/png', {})).status, 401);
    // A JSON route still refuses bodies over 64 KiB.
    const json = await server.request('/v1/reviews/ballerina/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'x'.repeat(70 * 1024),
    });
    assert.equal(json.status, 413);
  });
});
