/**
 * The store comparison in `npm run bench:server`: the same three requests against one process on
 * SQLite, one on PostgreSQL, and two on PostgreSQL behind a round-robin proxy (nginx when
 * installed, a small Node proxy otherwise). Needs DATABASE_URL (bench:server starts a throwaway
 * PostgreSQL for it); each setup gets a database of its own, dropped afterwards.
 *
 *   STORE_RUNS=3 STORE_DURATION=2 CONNECTIONS=50
 */
import autocannon from 'autocannon';
import { putReview } from './seed.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, startServerProcess } from '../scripts/server-process.mjs';

const RUNS = Number(process.env.STORE_RUNS ?? 3);
const DURATION = Number(process.env.STORE_DURATION ?? 2);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const ADMIN = 'bench-admin-token-0123456789';
// No limits: the benchmark is one client sending as fast as it can (READ_RATE_LIMIT: where the server has one).
const ENV = { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0', REVIEW_DUPLICATE_WINDOW: '0', REVIEW_ADMIN_TOKEN: ADMIN };

const run = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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

/** nginx with a throwaway configuration, round robin over `targets`, kept-alive upstream connections. */
async function nginxProxy(targets) {
  const dir = mkdtempSync(join(tmpdir(), 'review-nginx-'));
  const port = await new Promise((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  writeFileSync(
    `${dir}/nginx.conf`,
    `
    ${process.getuid?.() === 0 ? 'user root root;' : ''}
    daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
    events { worker_connections 4096; }
    http {
      access_log off; ${temp}
      upstream review { ${targets.map((t) => `server ${new URL(t).host};`).join(' ')} keepalive 64; }
      server {
        listen 127.0.0.1:${port};
        location / { proxy_pass http://review; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; proxy_buffering off; }
      }
    }`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', `${dir}/nginx.conf`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/v1/reviews/ballerina`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    kind: 'nginx',
    close: async () => {
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same, in Node, for machines without nginx. */
async function nodeProxy(targets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let turn = 0;
  const proxy = http.createServer((req, res) => {
    const target = new URL(targets[turn++ % targets.length]);
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${proxy.address().port}`,
    kind: 'node',
    close: () => new Promise((r) => (proxy.closeAllConnections(), proxy.close(r))),
  };
}

const hasNginx = () => ['/usr/sbin/nginx', '/usr/bin/nginx'].some(existsSync);

async function measure(url) {
  const scenarios = [
    { name: 'GET a review (cached read)', url: `${url}/v1/reviews/ballerina` },
    { name: 'GET comments page of 50', url: `${url}/v1/reviews/bench-thread/comments?limit=50` },
    {
      name: 'POST a comment',
      url: `${url}/v1/reviews/the-glory/comments`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: { name: 'Bench' }, body: 'A comment posted by the benchmark.' }),
    },
  ];
  const results = [];
  for (const scenario of scenarios) {
    await run({ ...scenario, duration: 1 }); // warm-up, not counted
    const rps = [],
      p99 = [];
    let errors = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await run(scenario);
      rps.push(r.requests.average);
      p99.push(r.latency.p99);
      errors += r.errors + r.non2xx;
    }
    results.push({ scenario: scenario.name, requestsPerSecond: median(rps), p99ms: median(p99), errors });
  }
  return results;
}

export async function benchStores(root) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log('\nstore comparison skipped: no DATABASE_URL (npm run bench:server starts a PostgreSQL for it)');
    return;
  }
  const setups = [];
  {
    const server = await startServerProcess(ENV);
    try {
      await seedThread(server.url, 'bench-thread', 60);
      setups.push({ setup: '1 process, SQLite', results: await measure(server.url) });
    } finally {
      await server.stop();
    }
  }
  {
    const server = await startServerProcess(ENV, { postgres: base });
    try {
      await seedThread(server.url, 'bench-thread', 60);
      setups.push({ setup: '1 process, PostgreSQL', results: await measure(server.url) });
    } finally {
      await server.stop();
    }
  }
  {
    const database = await createDatabase(base);
    const servers = [
      await startServerProcess(ENV, { databaseUrl: database }),
      await startServerProcess(ENV, { databaseUrl: database }),
    ];
    const proxy = hasNginx() ? await nginxProxy(servers.map((s) => s.url)) : await nodeProxy(servers.map((s) => s.url));
    try {
      await seedThread(proxy.url, 'bench-thread', 60);
      setups.push({ setup: `2 processes, PostgreSQL, ${proxy.kind} round robin`, results: await measure(proxy.url) });
    } finally {
      await proxy.close();
      await Promise.all(servers.map((s) => s.stop()));
      await dropDatabase(database);
    }
  }
  console.log(
    `\nstores: ${CONNECTIONS} connections, median of ${RUNS} runs × ${DURATION} s; ${cpus().length} cores, Node ${process.version}; client, proxy, servers and PostgreSQL share the machine\n`,
  );
  console.log('| setup | scenario | req/s | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const { setup, results } of setups) {
    for (const r of results)
      console.log(
        `| ${setup} | ${r.scenario} | ${r.requestsPerSecond.toFixed(0)} | ${r.p99ms.toFixed(1)} | ${r.errors} |`,
      );
  }
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(
    join(root, 'bench/store-results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        connections: CONNECTIONS,
        runs: RUNS,
        durationSeconds: DURATION,
        setups,
      },
      null,
      2,
    ) + '\n',
  );
}
