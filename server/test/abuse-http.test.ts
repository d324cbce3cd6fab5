/**
 * The HTTP edge under attack (issue 13): hostile bodies, slow clients, forged forwarding headers,
 * and settings that once failed late or loudly.
 */
import assert from 'node:assert/strict';
import { connect, createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { comment, removeDir, runToExit, startServer, type Server } from './harness.js';

/** Sends raw bytes on a fresh connection; resolves with everything read until the server closes it. */
function raw(
  server: Server,
  write: (socket: Socket) => void,
  timeoutMs = 20_000,
): Promise<{ text: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${timeoutMs} ms:\n${text.slice(0, 500)}`));
    }, timeoutMs);
    socket.on('data', (d) => (text += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
    socket.on('connect', () => write(socket));
  });
}

describe('abuse: the HTTP edge', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ WRITE_RATE_LIMIT: '2', TRUST_PROXY: '1' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('answers 30 000 levels of nesting with 400, not 500', async () => {
    const body = `{"author":{"name":"a"},"body":"b","x":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    const res = await server.request('/v1/reviews/the-glory/comments', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.1' },
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).code, 'invalid-body');
  });

  it('refuses a chunked body over 64 KiB with 413 and Connection: close; the next connection works', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const { text } = await raw(server, (socket) => {
      socket.write(
        'POST /v1/reviews/the-glory/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Forwarded-For: 192.0.2.2\r\n\r\n',
      );
      for (let i = 0; i < 16; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      socket.write('0\r\n\r\n');
    });
    assert.match(text, /^HTTP\/1\.1 413/);
    assert.match(text, /\r\nconnection: close\r\n/i);
    assert.equal((await server.request('/v1/reviews/ballerina')).status, 200);
  });

  it('cuts off a client that never finishes its headers (headersTimeout)', { timeout: 40_000 }, async () => {
    const { closedAfterMs } = await raw(
      server,
      (socket) => socket.write('GET /v1/reviews/ballerina HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '),
      30_000,
    );
    assert.ok(closedAfterMs < 25_000, `closed after ${closedAfterMs} ms`);
  });

  it('keys the write limit on the forwarded client behind TRUST_PROXY, an IPv6 /64 as one client', async () => {
    const post = (xff: string) =>
      server.request('/v1/reviews/the-glory/comments', {
        method: 'POST',
        json: comment('a', `${xff} ${Math.random()}`),
        headers: { 'X-Forwarded-For': xff },
      });
    // A client's own X-Forwarded-For is left of the proxy's entry: only the last hop counts.
    for (const client of ['198.51.100.1', 'spoofed, 198.51.100.1']) assert.equal((await post(client)).status, 201);
    assert.equal((await post('203.0.113.200, 198.51.100.1')).status, 429);
    assert.equal((await post('198.51.100.2')).status, 201);
    // Two addresses in one /64 share a bucket; the next /64 has its own.
    assert.equal((await post('2001:db8:1:1::1')).status, 201);
    assert.equal((await post('2001:db8:1:1:ffff::2')).status, 201);
    assert.equal((await post('2001:db8:1:1::3')).status, 429);
    assert.equal((await post('2001:db8:1:2::1')).status, 201);
    // RFC 7239 Forwarded works the same.
    const forwarded = (value: string) =>
      server.request('/v1/reviews/the-glory/comments', {
        method: 'POST',
        json: comment('f', `${value} ${Math.random()}`),
        headers: { Forwarded: value },
      });
    assert.equal((await forwarded('for="[2001:db8:9::1]:4711"')).status, 201);
    assert.equal((await forwarded('for=192.0.2.200;proto=https')).status, 201);
  });
});

describe('abuse: forwarding headers without TRUST_PROXY', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ WRITE_RATE_LIMIT: '2' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('ignores X-Forwarded-For and Forwarded: a client cannot pick its own bucket', async () => {
    const post = (i: number) =>
      server.request('/v1/reviews/the-glory/comments', {
        method: 'POST',
        json: comment('a', `try ${i}`),
        headers: { 'X-Forwarded-For': `192.0.2.${i}`, Forwarded: `for=192.0.2.${i}` },
      });
    assert.equal((await post(1)).status, 201);
    assert.equal((await post(2)).status, 201);
    assert.equal((await post(3)).status, 429);
  });
});

describe('abuse: settings', () => {
  it('refuses a REVIEW_EDIT_WINDOW past 30 days at start', async () => {
    const { code, output } = await runToExit({ REVIEW_EDIT_WINDOW: '99999999999' });
    assert.equal(code, 2);
    assert.match(output, /REVIEW_EDIT_WINDOW/);
  });

  it('refuses a TRUST_PROXY that is neither hops nor addresses', async () => {
    const { code, output } = await runToExit({ TRUST_PROXY: '10.0.0.0/33' });
    assert.equal(code, 2);
    assert.match(output, /TRUST_PROXY/);
  });

  it('says in one line that the port is in use, and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, output } = await runToExit({ HOST: '127.0.0.1', PORT: String(port) });
      assert.equal(code, 1);
      assert.match(output, /already in use/);
      assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
    } finally {
      blocker.close();
    }
  });
});
