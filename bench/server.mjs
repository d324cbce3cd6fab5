#!/usr/bin/env node
/**
 * `npm run bench:server`: requests per second and latency of the reference server on loopback.
 * Starts the built server (dist/server/main.js) on a temporary database with the write limit off,
 * then runs each scenario RUNS times with autocannon and prints the median (min–max) of each
 * figure. A benchmark, not a test: it fails on nothing, and the machine's other load shows in it.
 * Then the attacks of issue 13 (server-abuse.mjs), and POSTs with REVIEW_DURABILITY=normal
 * against the default full, to show what the fsync per commit costs.
 *
 *   RUNS=5 DURATION=4 CONNECTIONS=50 npm run bench:server
 */
import autocannon from 'autocannon';
import { putReview } from './seed.mjs';
import { readsUnderTopFlood, rssAfterDistinctCursorReads, seedTopThread, uncachedLatency } from './server-abuse.mjs';
import { startServerProcess } from '../scripts/server-process.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.RUNS ?? 5);
const DURATION = Number(process.env.DURATION ?? 4);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const ADMIN = 'bench-admin-token-0123456789';
const root = fileURLToPath(new URL('..', import.meta.url));

async function seedThread(url, id, n) {
  await putReview(url, ADMIN, id);
  for (let i = 0; i < n; i++) {
    await fetch(`${url}/v1/reviews/${id}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        author: { name: `Reader ${i}` },
        body: `Comment number ${i}, with a sentence or two of text, as readers write them.`,
      }),
    });
  }
}

const run = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

const UNLIMITED = {
  WRITE_RATE_LIMIT: '0',
  READ_RATE_LIMIT: '0',
  REVIEW_DUPLICATE_WINDOW: '0',
  REVIEW_ADMIN_TOKEN: ADMIN,
};
const server = await startServerProcess(UNLIMITED);
const postScenario = (url, name) => ({
  name,
  url: `${url}/v1/reviews/the-glory/comments`,
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ author: { name: 'Bench' }, body: 'A comment posted by the benchmark.' }),
});
try {
  await seedThread(server.url, 'bench-thread', 60);
  const scenarios = [
    { name: 'GET /v1/reviews/ballerina (cached read)', url: `${server.url}/v1/reviews/ballerina` },
    { name: 'GET comments page of 50', url: `${server.url}/v1/reviews/bench-thread/comments?limit=50` },
    postScenario(server.url, 'POST a comment (REVIEW_DURABILITY=full, the default)'),
  ];
  const results = [];
  const normal = await startServerProcess({ ...UNLIMITED, REVIEW_DURABILITY: 'normal' });
  scenarios.push(postScenario(normal.url, 'POST a comment (REVIEW_DURABILITY=normal)'));
  for (const scenario of scenarios) {
    await run({ ...scenario, duration: 1 }); // warm-up, not counted
    const rps = [],
      p50 = [],
      p99 = [],
      errors = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await run(scenario);
      rps.push(r.requests.average);
      p50.push(r.latency.p50);
      p99.push(r.latency.p99);
      errors.push(r.errors + r.non2xx);
    }
    results.push({
      scenario: scenario.name,
      requestsPerSecond: stat(rps),
      p50ms: stat(p50),
      p99ms: stat(p99),
      errors: errors.reduce((a, b) => a + b, 0),
    });
  }
  await normal.stop();

  // Issue 13: the attacks, measured.
  const topId = await seedTopThread(server.url, ADMIN);
  const latency = {
    newestMs: await uncachedLatency(server.url, topId, 'newest'),
    topMs: await uncachedLatency(server.url, topId, 'top'),
  };
  const quiet = await autocannon({
    url: `${server.url}/v1/reviews/ballerina`,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const flood = await readsUnderTopFlood(server.url, topId, { connections: CONNECTIONS, duration: DURATION });
  const memory = await rssAfterDistinctCursorReads(server.url, ADMIN, server.process.pid);
  const abuse = { ...latency, readsAlonePerSecond: quiet.requests.average, ...flood, ...memory };

  const fmt = ({ median, min, max }, digits = 0) =>
    `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
  console.log(
    `\nreview server on loopback: ${CONNECTIONS} connections, ${RUNS} runs × ${DURATION} s each, median (min–max); ${cpus().length} cores, Node ${process.version}\n`,
  );
  console.log('| scenario | req/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.scenario} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50ms, 1)} | ${fmt(r.p99ms, 1)} | ${r.errors} |`,
    );
  const f = (n, d = 1) => n.toFixed(d);
  console.log(`\nunder attack (issue 13), 2 000 top-level comments:`);
  console.log(`| figure | value |\n| --- | --- |`);
  console.log(`| uncached page of 20, sort=newest (median of 200) | ${f(abuse.newestMs)} ms |`);
  console.log(
    `| uncached page of 20, sort=top (median of 200) | ${f(abuse.topMs)} ms (${f(abuse.topMs / abuse.newestMs)}× newest) |`,
  );
  console.log(`| GET /v1/reviews/ballerina alone | ${f(abuse.readsAlonePerSecond, 0)} req/s |`);
  console.log(
    `| … while 10 connections flood uncached sort=top | ${f(abuse.readsPerSecond, 0)} req/s, p99 ${abuse.readP99ms} ms (flood: ${f(abuse.topPerSecond, 0)} req/s, ${abuse.topErrors} errors) |`,
  );
  console.log(
    `| RSS before / after 2 000 distinct-cursor reads of 300 × 10 000 chars | ${f(abuse.rssBeforeMb, 0)} / ${f(abuse.rssAfterMb, 0)} MB (largest page ${f(abuse.largestPageKb, 0)} KB, ?limit=1 ${f(abuse.limit1Kb, 0)} KB) |`,
  );
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(
    join(root, 'bench/server-results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        connections: CONNECTIONS,
        runs: RUNS,
        durationSeconds: DURATION,
        results,
        abuse,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await server.stop();
}

// One process on SQLite, one on PostgreSQL, two on PostgreSQL behind a proxy (bench/stores.mjs).
const { benchStores } = await import('./stores.mjs');
await benchStores(root);
