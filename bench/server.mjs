#!/usr/bin/env node
/**
 * `npm run bench:server`: requests per second and latency of the reference server on loopback.
 * Starts the built server (dist/server/main.js) on a temporary database with the write limit off,
 * then runs each scenario RUNS times with autocannon and prints the median (min–max) of each
 * figure. A benchmark, not a test: it fails on nothing, and the machine's other load shows in it.
 *
 *   RUNS=5 DURATION=4 CONNECTIONS=50 npm run bench:server
 */
import autocannon from 'autocannon';
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
  const doc = { id, url: `https://blog.example/${id}`, lang: 'en', title: id, publishedAt: '2025-01-01T00:00:00Z', work: { title: id, type: 'movie' }, comments: { open: true } };
  await fetch(`${url}/v1/reviews/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(doc) });
  for (let i = 0; i < n; i++) {
    await fetch(`${url}/v1/reviews/${id}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: { name: `Reader ${i}` }, body: `Comment number ${i}, with a sentence or two of text, as readers write them.` }),
    });
  }
}

const run = (opts) =>
  new Promise((resolve, reject) => autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) => (err ? reject(err) : resolve(res))));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

const server = await startServerProcess({ WRITE_RATE_LIMIT: '0', REVIEW_ADMIN_TOKEN: ADMIN });
try {
  await seedThread(server.url, 'bench-thread', 60);
  const scenarios = [
    { name: 'GET /v1/reviews/ballerina (cached read)', url: `${server.url}/v1/reviews/ballerina` },
    { name: 'GET comments page of 50', url: `${server.url}/v1/reviews/bench-thread/comments?limit=50` },
    {
      name: 'POST a comment',
      url: `${server.url}/v1/reviews/the-glory/comments`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: { name: 'Bench' }, body: 'A comment posted by the benchmark.' }),
    },
  ];
  const results = [];
  for (const scenario of scenarios) {
    await run({ ...scenario, duration: 1 }); // warm-up, not counted
    const rps = [], p50 = [], p99 = [], errors = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await run(scenario);
      rps.push(r.requests.average);
      p50.push(r.latency.p50);
      p99.push(r.latency.p99);
      errors.push(r.errors + r.non2xx);
    }
    results.push({ scenario: scenario.name, requestsPerSecond: stat(rps), p50ms: stat(p50), p99ms: stat(p99), errors: errors.reduce((a, b) => a + b, 0) });
  }
  const fmt = ({ median, min, max }, digits = 0) => `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
  console.log(`\nreview server on loopback: ${CONNECTIONS} connections, ${RUNS} runs × ${DURATION} s each, median (min–max); ${cpus().length} cores, Node ${process.version}\n`);
  console.log('| scenario | req/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results) console.log(`| ${r.scenario} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50ms, 1)} | ${fmt(r.p99ms, 1)} | ${r.errors} |`);
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(
    join(root, 'bench/server-results.json'),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, connections: CONNECTIONS, runs: RUNS, durationSeconds: DURATION, results }, null, 2) + '\n',
  );
} finally {
  await server.stop();
}

// One process on SQLite, one on PostgreSQL, two on PostgreSQL behind a proxy (bench/stores.mjs).
const { benchStores } = await import('./stores.mjs');
await benchStores(root);
