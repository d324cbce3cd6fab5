/**
 * The attacks of issue 13 as measurements, for bench/server.mjs: reads under a concurrent
 * `sort=top` flood at 2 000 top-level comments, uncached `sort=top` against `sort=newest`, and the
 * server's RSS after 2 000 distinct-cursor reads of one large thread (300 replies × 10 000 chars).
 */
import autocannon from 'autocannon';
import { putReview } from './seed.mjs';
import { readFileSync } from 'node:fs';

const json = { 'Content-Type': 'application/json' };
const cursor = (key) => Buffer.from(JSON.stringify(key)).toString('base64url');
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Posts in parallel batches; returns the created comments' ids in order. */
async function postMany(url, id, bodies, batch = 20) {
  const ids = [];
  for (let i = 0; i < bodies.length; i += batch) {
    const answers = await Promise.all(
      bodies
        .slice(i, i + batch)
        .map((b) =>
          fetch(`${url}/v1/reviews/${id}/comments`, { method: 'POST', headers: json, body: JSON.stringify(b) }).then(
            (r) => r.json(),
          ),
        ),
    );
    ids.push(...answers.map((a) => a.id));
  }
  return ids;
}

/** 2 000 top-level comments, every seventh with a few replies, so `top` has scores to order by. */
export async function seedTopThread(url, admin, id = 'bench-top') {
  await putReview(url, admin, id);
  const roots = await postMany(
    url,
    id,
    Array.from({ length: 2000 }, (_, i) => ({
      author: { name: `R${i}` },
      body: `Top-level comment ${i}, a sentence or two.`,
    })),
  );
  const replies = [];
  roots.forEach((rootId, i) => {
    if (i % 7 === 0)
      for (let j = 0; j < 1 + (i % 4); j++)
        replies.push({ author: { name: `Re${i}.${j}` }, body: `Reply ${j} to ${i}`, parentId: rootId });
  });
  await postMany(url, id, replies);
  return id;
}

/** Median latency of uncached pages: each request has a cursor no one asked for before. */
export async function uncachedLatency(url, id, sort, n = 200) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const key = sort === 'top' ? [i % 5, 1000 + i * 3] : [1000 + i * 7];
    const started = performance.now();
    const res = await fetch(`${url}/v1/reviews/${id}/comments?sort=${sort}&limit=20&cursor=${cursor([sort, ...key])}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${sort}: ${res.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Review reads (cached) while 10 connections ask for uncached `sort=top` pages as fast as they can. */
export async function readsUnderTopFlood(url, id, { connections, duration }) {
  let i = 0;
  const flood = autocannon({
    url: `${url}/v1/reviews/${id}/comments`,
    connections: 10,
    duration,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `/v1/reviews/${id}/comments?sort=top&limit=${1 + (i % 100)}&cursor=${cursor(['top', i % 6, ++i])}`,
        }),
      },
    ],
  });
  const reads = await autocannon({ url: `${url}/v1/reviews/ballerina`, connections, duration });
  const floodResult = await flood;
  return {
    readsPerSecond: reads.requests.average,
    readP99ms: reads.latency.p99,
    topPerSecond: floodResult.requests.average,
    topErrors: floodResult.errors + floodResult.non2xx,
  };
}

/** RSS before and after 2 000 reads with distinct cursors of a 300 × 10 000-character thread. */
export async function rssAfterDistinctCursorReads(url, admin, pid) {
  const id = 'bench-big';
  await putReview(url, admin, id);
  const [root] = await postMany(url, id, [{ author: { name: 'Root' }, body: 'A thread that grew' }]);
  await postMany(
    url,
    id,
    Array.from({ length: 300 }, (_, i) => ({
      author: { name: `L${i}` },
      body: `${i} `.padEnd(10_000, 'w'),
      parentId: root,
    })),
    10,
  );
  const before = rssMb(pid);
  let next = 0;
  let largest = 0;
  const worker = async () => {
    while (next < 2000) {
      const i = next++;
      const res = await fetch(
        `${url}/v1/reviews/${id}/comments?parent=${root}&limit=${1 + Math.floor(i / 302)}&cursor=${cursor(['oldest', i % 302])}`,
      );
      largest = Math.max(largest, (await res.arrayBuffer()).byteLength);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const single = await (await fetch(`${url}/v1/reviews/${id}/comments?limit=1`)).arrayBuffer();
  return {
    rssBeforeMb: before,
    rssAfterMb: rssMb(pid),
    largestPageKb: largest / 1024,
    limit1Kb: single.byteLength / 1024,
  };
}
