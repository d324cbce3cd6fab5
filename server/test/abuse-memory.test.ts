/**
 * Issue 13's "Done when": one thread of 300 replies × 10 000 characters, then 5 000 reads with
 * distinct cursor spellings (canonical ones for distinct pages, and other spellings of them). The
 * server stays up, its RSS grows by less than 64 MB from cold (at the end and at every 250th read),
 * and ?limit=1 answers at most 256 KB.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const cursor = (json: unknown[]) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('abuse: memory under distinct-cursor reads (issue 13, Done when)', () => {
  let server: Server;
  let rootId: string;
  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_SEED: 'none' });
    const id = 'big';
    await server.request(`/v1/reviews/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      json: {
        id,
        url: 'https://blog.example/big',
        lang: 'en',
        title: id,
        publishedAt: '2025-01-01T00:00:00Z',
        work: { title: id, type: 'movie' },
        comments: { open: true },
      },
    });
    const post = async (body: unknown) =>
      (await (await server.request(`/v1/reviews/${id}/comments`, { method: 'POST', json: body })).json()) as {
        id: string;
      };
    rootId = (await post(comment('root', 'The thread'))).id;
    for (let i = 0; i < 300; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          post(comment(`r${i + j}`, `${i + j} `.padEnd(10_000, 'w'), { parentId: rootId })),
        ),
      );
    }
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it(
    'stays up with RSS growth under 64 MB after 5 000 distinct-cursor reads; ?limit=1 ≤ 256 KB',
    { timeout: 120_000 },
    async () => {
      const one = await server.request('/v1/reviews/big/comments?limit=1');
      const bytes = Buffer.byteLength(await one.text());
      assert.ok(bytes <= 256 * 1024, `?limit=1 is ${bytes} bytes`);
      // Measured from the server as seeding left it, with no warm-up: the growth a reader's
      // requests cause, including V8's heap growing to its working size (server/heap.ts).
      const before = rssMb(server.process.pid!);
      const paths: string[] = [];
      for (let i = 0; i < 5_000; i++) {
        const seq = i % 302;
        const limit = 1 + Math.floor(i / 302);
        if (i % 5 === 4) {
          // Another spelling of a real cursor: refused, never a cache entry.
          paths.push(
            `/v1/reviews/big/comments?cursor=${encodeURIComponent(Buffer.from(`["oldest", ${-1 - i}]`).toString('base64'))}`,
          );
        } else {
          paths.push(`/v1/reviews/big/comments?parent=${rootId}&limit=${limit}&cursor=${cursor(['oldest', seq])}`);
        }
      }
      let next = 0;
      let biggest = 0;
      let peak = 0;
      const worker = async () => {
        while (next < paths.length) {
          const n = next++;
          if (n % 250 === 0) peak = Math.max(peak, rssMb(server.process.pid!) - before);
          const res = await server.request(paths[n]);
          const text = await res.text();
          assert.ok(res.status === 200 || res.status === 400, `status ${res.status}`);
          biggest = Math.max(biggest, Buffer.byteLength(text));
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      assert.equal(server.process.exitCode, null, 'the server is still running');
      assert.equal((await server.request('/v1/reviews/big')).status, 200);
      const growth = rssMb(server.process.pid!) - before;
      peak = Math.max(peak, growth);
      assert.ok(biggest <= 256 * 1024, `largest page ${biggest} bytes`);
      assert.ok(growth < 64, `RSS grew by ${growth.toFixed(1)} MB`);
      assert.ok(peak < 64, `RSS grew by ${peak.toFixed(1)} MB at its highest`);
      console.log(
        `# RSS growth after 5 000 reads: ${growth.toFixed(1)} MB (highest ${peak.toFixed(1)} MB); largest page ${(biggest / 1024).toFixed(0)} KB`,
      );
    },
  );
});
