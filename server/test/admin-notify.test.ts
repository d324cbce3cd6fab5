import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { emailSender } from '../notify/email.js';
import { ADMIN_TOKEN, comment, removeDir, startServer, type Server } from './harness.js';

const SECRET = 'webhook-secret-0123456789';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** A local receiver that fails the first delivery of each event with a 503, then takes it. */
async function webhookReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const seen = new Set<string>();
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const key = `${req.headers['x-review-event']}:${JSON.parse(body).comment.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const until = async (test: () => boolean) => {
    while (!test()) await new Promise<void>((r) => waiters.push(r));
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    until,
    close: () => server.close(),
  };
}

/** smtp-server on a free port, keeping each message's raw text. */
async function smtpReceiver() {
  const messages: string[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        messages.push(raw);
        waiters.splice(0).forEach((w) => w());
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  const until = async (n: number) => {
    while (messages.length < n) await new Promise<void>((r) => waiters.push(r));
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    until,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('notifications: signed webhook and SMTP', () => {
  let server: Server;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  before(async () => {
    hook = await webhookReceiver();
    smtp = await smtpReceiver();
    server = await startServer({
      REVIEW_ADMIN_TOKEN: ADMIN_TOKEN,
      MODERATION: 'pre',
      REVIEW_WEBHOOK_URL: hook.url,
      REVIEW_WEBHOOK_SECRET: SECRET,
      SMTP_URL: smtp.url,
      REVIEW_NOTIFY_EMAIL: 'owner@blog.example',
    });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
    hook.close();
    await smtp.close();
  });

  it('posts new, approved and reported comments, signed over timestamp and body, retried after a failure', async () => {
    const posted = await (
      await server.request('/v1/reviews/ballerina/comments', {
        method: 'POST',
        json: comment('Mina', 'Hello <b>owner</b>\r\nBcc: x@evil.example'),
      })
    ).json();
    await hook.until(() => hook.received.length >= 1);
    await server.request(`/v1/admin/comments/${posted.id}/approve`, { method: 'POST', headers: admin });
    await hook.until(() => hook.received.length >= 2);
    await server.request(`/v1/comments/${posted.id}/reports`, { method: 'POST', json: { reason: 'spoiler' } });
    await hook.until(() => hook.received.length >= 3);

    assert.deepEqual(
      hook.received.map((r) => r.headers['x-review-event']),
      ['comment.created', 'comment.approved', 'comment.reported'],
    );
    for (const { headers, body } of hook.received) {
      const timestamp = String(headers['x-review-timestamp']);
      assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 300, 'a fresh timestamp');
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`,
      );
      const signature = Buffer.from(String(headers['x-review-signature']));
      assert.ok(signature.length === expected.length && timingSafeEqual(signature, expected), 'signature matches');
      const event = JSON.parse(body);
      assert.equal(event.comment.id, posted.id);
      assert.equal(event.comment.body, 'Hello <b>owner</b>\r\nBcc: x@evil.example');
    }
    assert.deepEqual(JSON.parse(hook.received[2].body).report, { reason: 'spoiler', hidden: false });

    await smtp.until(3);
    const first = smtp.messages[0];
    assert.match(first, /^To: owner@blog\.example/m);
    assert.match(first, /^Subject: New comment: Mina on ballerina/m);
    assert.match(first, /^Content-Type: text\/plain/m);
    assert.match(first, /> Hello <b>owner<\/b>/);
    assert.doesNotMatch(first, /^Bcc:/m, 'reader text never becomes a header');
    assert.match(smtp.messages[1], /^Subject: Comment approved/m);
    assert.match(smtp.messages[2], /Reason: spoiler/);
  });

  it('a digest sends one message for many events, and nothing for a quiet period', async () => {
    const before = smtp.messages.length;
    const digest = emailSender({
      smtpUrl: smtp.url,
      to: 'owner@blog.example',
      from: 'reviews@blog.example',
      digest: 'hourly',
      periodMs: 60_000,
    });
    const event = (id: string) => ({
      type: 'comment.created' as const,
      at: new Date().toISOString(),
      comment: {
        id,
        reviewId: 'ballerina',
        status: 'pending',
        authorName: 'R',
        body: `body ${id}`,
        createdAt: new Date().toISOString(),
      },
    });
    digest.send(event('c_1'));
    digest.send(event('c_2'));
    digest.flush();
    await digest.settled();
    digest.flush();
    digest.close();
    await digest.settled();
    await smtp.until(before + 1);
    assert.equal(smtp.messages.length, before + 1);
    assert.match(smtp.messages[before], /^Subject: 2 comment events \(hourly digest\)/m);
    assert.match(smtp.messages[before], /body c_1[\s\S]*body c_2/);
  });
});

describe('notification settings', () => {
  it('refuse a webhook without a secret, SMTP without an address to tell, and a bad digest', async () => {
    const { runToExit } = await import('./harness.js');
    assert.match(
      (await runToExit({ REVIEW_WEBHOOK_URL: 'https://hooks.example/x' })).output,
      /REVIEW_WEBHOOK_URL needs REVIEW_WEBHOOK_SECRET/,
    );
    assert.match((await runToExit({ SMTP_URL: 'smtp://127.0.0.1:2525' })).output, /SMTP_URL needs REVIEW_NOTIFY_EMAIL/);
    assert.match(
      (await runToExit({ REVIEW_NOTIFY_DIGEST: 'weekly' })).output,
      /REVIEW_NOTIFY_DIGEST="weekly": must be off, hourly or daily/,
    );
  });
});
