/**
 * Two server processes on one PostgreSQL database behind a round-robin proxy, as a site that
 * outgrew one machine runs them. Runs when the suite runs on PostgreSQL (npm run test:server:pg).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createDatabase, dropDatabase, startServerProcess, type ServerProcess } from '../../scripts/server-process.mjs';
import { ADMIN_TOKEN, POSTGRES, comment, openReview } from './harness.js';
import { openEvents, type SseStream } from './sse.js';
import { TOKEN_FAILURES, TOKEN_FAILURE_WINDOW_MS } from '../routes/auth.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const WRITE_LIMIT = 4;

/** Sends each request to the next process in turn, streaming both ways (event streams too). */
function roundRobin(targets: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  let turn = 0;
  const proxy = http.createServer((req, res) => {
    const target = new URL(targets[turn++ % targets.length]);
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      const { port } = proxy.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            proxy.closeAllConnections();
            proxy.close(() => done());
          }),
      });
    }),
  );
}

describe(
  'two processes on one PostgreSQL',
  { skip: POSTGRES ? false : 'needs DATABASE_URL (npm run test:server:pg)' },
  () => {
    let database: string;
    let a: ServerProcess;
    let b: ServerProcess;
    let proxy: { url: string; close: () => Promise<void> };
    const streams: SseStream[] = [];
    const call = (base: string, path: string, init: RequestInit & { json?: unknown } = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      return fetch(`${base}${path}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
    };
    let n = 0;
    async function newReview(): Promise<string> {
      const id = `multi${++n}`;
      const res = await call(proxy.url, `/v1/reviews/${id}`, {
        method: 'PUT',
        headers: admin,
        json: openReview(id),
      });
      assert.equal(res.status, 201);
      return id;
    }
    // Posts with the admin token skip the write limit; the limit has a test of its own.
    const post = (base: string, id: string, body: unknown, headers: Record<string, string> = admin) =>
      call(base, `/v1/reviews/${id}/comments`, { method: 'POST', json: body, headers });

    before(async () => {
      database = await createDatabase(POSTGRES!);
      const env = { REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, WRITE_RATE_LIMIT: String(WRITE_LIMIT) };
      // Started together: both reach the migration step at once, and the advisory lock lets one in.
      [a, b] = await Promise.all([
        startServerProcess(env, { databaseUrl: database }),
        startServerProcess(env, { databaseUrl: database }),
      ]);
      proxy = await roundRobin([a.url, b.url]);
    });
    after(async () => {
      for (const s of streams) s.close();
      await proxy?.close();
      await Promise.all([a?.stop(), b?.stop()]);
      if (database) await dropDatabase(database);
    });

    it('migrates and seeds once when both start at the same moment', async () => {
      const seeded = [a, b].filter((p) => /seeded/.test(p.output()));
      assert.equal(seeded.length, 1, `${a.output()}\n${b.output()}`);
      for (const p of [a, b])
        assert.equal((await (await call(p.url, '/v1/reviews/ballerina/comments')).json()).total, 6);
    });

    it('lands a burst of posts with retries exactly once, whichever process each retry reaches', async () => {
      const id = await newReview();
      const keys = Array.from({ length: 20 }, (_, i) => `burst-${i}-${Date.now()}`);
      // Every post sent three times at once, as a client retrying over a flaky network would.
      const answers = await Promise.all(
        keys.flatMap((key, i) =>
          [0, 1, 2].map(async () => {
            const res = await post(proxy.url, id, comment(`Reader ${i}`, `Post ${i}`), {
              ...admin,
              'Idempotency-Key': key,
            });
            return {
              key,
              status: res.status,
              replayed: res.headers.get('Idempotent-Replayed') === 'true',
              body: await res.json(),
            };
          }),
        ),
      );
      assert.deepEqual(
        answers.filter((x) => x.status !== 201),
        [],
      );
      for (const key of keys) {
        const same = answers.filter((x) => x.key === key);
        assert.equal(new Set(same.map((x) => x.body.id)).size, 1, `one comment for ${key}`);
        assert.equal(same.filter((x) => !x.replayed).length, 1, `one first answer for ${key}`);
      }
      for (const p of [a, b]) {
        const listed = await (await call(p.url, `/v1/reviews/${id}/comments?limit=100`)).json();
        assert.equal(listed.total, 20);
        assert.equal(listed.items.length, 20);
      }
    });

    it('shows a comment posted on one process on the other at once (caches dropped through LISTEN/NOTIFY)', async () => {
      const id = await newReview();
      for (let round = 0; round < 10; round++) {
        const [writer, reader] = round % 2 ? [a, b] : [b, a];
        // The reader has the page and the review cached before the post.
        const before = await (await call(reader.url, `/v1/reviews/${id}/comments?sort=newest`)).json();
        assert.equal(before.total, round);
        assert.equal((await (await call(reader.url, `/v1/reviews/${id}`)).json()).commentCount, round);
        const created = await (await post(writer.url, id, comment('Ana', `Round ${round}`))).json();
        const after = await (await call(reader.url, `/v1/reviews/${id}/comments?sort=newest`)).json();
        assert.equal(after.items[0]?.id, created.id, `round ${round}: the reader's page is fresh`);
        assert.equal(after.total, round + 1);
        assert.equal((await (await call(reader.url, `/v1/reviews/${id}`)).json()).commentCount, round + 1);
      }
    });

    it("drops the other process's caches on the desk's writes too: a draft, a rejection, a sort=top recount", async () => {
      const id = await newReview();
      const top = (await (await post(a.url, id, comment('Ana', 'Top'))).json()) as { id: string };
      const reply = (await (await post(a.url, id, comment('Bo', 'A reply', { parentId: top.id }))).json()) as {
        id: string;
      };
      await post(a.url, id, comment('Cy', 'Alone'));
      // B has the review, the list, the counts and both sorts cached.
      const read = async (path: string) => (await call(b.url, path)).json();
      assert.equal((await read(`/v1/reviews/${id}`)).commentCount, 3);
      assert.equal((await read(`/v1/reviews/${id}/comments?sort=top`)).items[0].id, top.id);
      assert.deepEqual((await read(`/v1/comment-counts?ids=${id}`)).counts, { [id]: 3 });

      // Rejected on A: gone from B's count, and the thread's sort=top score recounted for B.
      assert.equal(
        (await call(a.url, `/v1/admin/comments/${reply.id}/reject`, { method: 'POST', headers: admin })).status,
        200,
      );
      const afterReject = await read(`/v1/reviews/${id}/comments?sort=top`);
      assert.equal(afterReject.total, 2);
      assert.deepEqual(
        afterReject.items.map((c: { replyCount: number }) => c.replyCount),
        [0, 0],
      );
      assert.equal((await read(`/v1/reviews/${id}`)).commentCount, 2);

      // Unpublished on A: B stops serving it at once, everywhere a reader could ask.
      assert.equal(
        (await call(a.url, `/v1/admin/reviews/${id}/unpublish`, { method: 'POST', headers: admin })).status,
        200,
      );
      assert.equal((await call(b.url, `/v1/reviews/${id}`)).status, 404);
      assert.equal((await call(b.url, `/v1/reviews/${id}/comments`)).status, 404);
      assert.deepEqual((await read(`/v1/comment-counts?ids=${id}`)).counts, {});
      assert.ok(!(await read('/v1/reviews?limit=100')).items.some((r: { id: string }) => r.id === id));
      assert.equal(
        (await call(a.url, `/v1/admin/reviews/${id}/publish`, { method: 'POST', headers: admin })).status,
        200,
      );
      assert.equal((await read(`/v1/reviews/${id}`)).commentCount, 2);
    });

    it('delivers a comment posted on process A to a stream open on process B within 1 s, and resumes on A', async () => {
      const id = await newReview();
      const onB = await openEvents(`${b.url}/v1/reviews/${id}/events`);
      streams.push(onB);
      await onB.ready();
      const started = performance.now();
      const created = await (await post(a.url, id, comment('Ana', 'From A'))).json();
      const heard = await onB.next((e) => e.event === 'comment-created', 1000);
      const elapsed = performance.now() - started;
      assert.equal(JSON.parse(heard.data).id, created.id);
      assert.ok(elapsed < 1000, `${elapsed.toFixed(0)} ms`);
      await onB.next((e) => e.event === 'count' && JSON.parse(e.data).count === 1);
      const last = onB.lastId()!;
      onB.close();

      // Missed while away, then a reconnect that reaches the other process.
      const missed = [
        await (await post(b.url, id, comment('Bo', 'Missed 1'))).json(),
        await (await post(a.url, id, comment('Cy', 'Missed 2'))).json(),
      ];
      const onA = await openEvents(`${a.url}/v1/reviews/${id}/events`, { 'Last-Event-ID': last });
      streams.push(onA);
      await onA.next((e) => e.event === 'count' && JSON.parse(e.data).count === 3);
      const caughtUp = onA.events.filter((e) => e.event === 'comment-created').map((e) => JSON.parse(e.data).id);
      assert.deepEqual(
        caughtUp,
        missed.map((c) => c.id),
      );
    });

    it('keeps reads fresh and streams whole when the listening connections drop', async () => {
      const id = await newReview();
      const onB = await openEvents(`${b.url}/v1/reviews/${id}/events`);
      streams.push(onB);
      await onB.ready();
      // Both processes have the page cached.
      for (const p of [a, b]) assert.equal((await (await call(p.url, `/v1/reviews/${id}/comments`)).json()).total, 0);
      const admin = new pg.Client({ connectionString: database });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'review-server listener'",
        );
        assert.equal(rowCount, 2);
      } finally {
        await admin.end();
      }
      const created = await (await post(a.url, id, comment('Ana', 'Posted while nobody listened'))).json();
      const page = await (await call(b.url, `/v1/reviews/${id}/comments`)).json();
      assert.equal(page.items[0]?.id, created.id);
      // The stream on B hears it once B's listener is back (it reconnects within a second).
      const heard = await onB.next((e) => e.event === 'comment-created', 10_000);
      assert.equal(JSON.parse(heard.data).id, created.id);
      for (const p of [a, b]) assert.doesNotMatch(p.output(), /exited|Unhandled/);
    });

    it('holds the write limit across both processes', async () => {
      const id = await newReview();
      const statuses: number[] = [];
      // Through the proxy: the posts alternate between the processes.
      for (let i = 0; i < WRITE_LIMIT * 2; i++)
        statuses.push((await post(proxy.url, id, comment('Flood', `Post ${i}`), {})).status);
      assert.deepEqual(statuses, [...Array(WRITE_LIMIT).fill(201), ...Array(WRITE_LIMIT).fill(429)]);
    });

    it('holds the wrong-token limit across both processes (a guesser gains nothing from more processes)', async () => {
      const statuses: number[] = [];
      let retryAfter = '';
      // Through the proxy, alternating: with a limit per process this would take twice as many.
      for (let i = 0; i < TOKEN_FAILURES + 2; i++) {
        const res = await call(proxy.url, '/v1/admin/queue', { headers: { Authorization: `Bearer wrong-${i}` } });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('Retry-After') ?? '';
        await res.body?.cancel();
      }
      assert.deepEqual(statuses, [...Array(TOKEN_FAILURES).fill(403), 429, 429]);
      // Counted in the database, and answered in seconds (the window is ten minutes).
      assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= TOKEN_FAILURE_WINDOW_MS / 1000, retryAfter);
      // The right token is refused too while the limit holds, from either process.
      for (const p of [a, b]) assert.equal((await call(p.url, '/v1/admin/queue', { headers: admin })).status, 429);
    });
  },
);
