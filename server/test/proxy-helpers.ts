/**
 * A real reverse proxy (Debian's nginx or Caddy) in front of the test server, as docs/deploy.md
 * sets it up, and requests to it from distinct loopback addresses: two readers, as the proxy sees them.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { comment, type Server } from './harness.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Answer {
  status: number;
  body: string;
}

/** One request from a given local address (127.0.0.x), so each "reader" is its own client. */
export function send(
  url: string,
  {
    method = 'GET',
    from = '127.0.0.1',
    headers = {},
    json,
  }: { method?: string; from?: string; headers?: Record<string, string>; json?: unknown },
): Promise<Answer> {
  const data = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        localAddress: from,
        agent: false,
        headers: {
          ...headers,
          ...(data ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(data)) } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Waits until something answers HTTP on the port (the proxy has started). */
export async function waitForHttp(url: string, proxy: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proxy.exitCode !== null) throw new Error(`the proxy exited with ${proxy.exitCode}:\n${output()}`);
    try {
      await send(url, {});
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`the proxy did not answer at ${url}:\n${output()}`);
}

export function startProcess(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/**
 * What every proxy recipe must give: reads; writes from the proxied site's own origin, port
 * included; and the write limit (10 a minute) per reader, not one bucket for the whole site.
 */
export async function checkBehindProxy(site: string, server: Server): Promise<void> {
  assert.equal((await send(`${site}/v1/reviews/ballerina`, {})).status, 200);
  assert.equal((await send(`${site}/v1/reviews/ballerina/comments`, {})).status, 200);
  const write = (from: string, n: number, headers: Record<string, string> = {}) =>
    send(`${site}/v1/reviews/the-glory/comments`, {
      method: 'POST',
      from,
      headers: { Origin: site, ...headers },
      json: comment(`reader ${from}`, `Comment ${n} from ${from}`),
    });
  for (let i = 0; i < 10; i++) {
    const answer = await write('127.0.0.2', i);
    assert.equal(answer.status, 201, answer.body);
  }
  const eleventh = await write('127.0.0.2', 10);
  assert.equal(eleventh.status, 429, eleventh.body);
  // A forged X-Forwarded-For does not buy a fresh bucket: the proxy adds the real address last.
  assert.equal((await write('127.0.0.2', 11, { 'X-Forwarded-For': '198.51.100.99' })).status, 429);
  // Another reader has a bucket of their own.
  const other = await write('127.0.0.3', 0);
  assert.equal(other.status, 201, other.body);
  assert.ok(server.output().includes('listening'));
}
