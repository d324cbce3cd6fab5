/**
 * GET /v1/reviews/:id/events on one server process, against whichever store the suite runs on:
 * what a live thread hears when comments are posted, edited, removed and approved, and how a
 * reconnect catches up.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, comment, openReview, removeDir, startServer, type Server } from './harness.js';
import { openEvents, type SseStream } from './sse.js';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('live events', () => {
  let server: Server;
  const open: SseStream[] = [];
  const events = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await openEvents(`${server.url}${path}`, headers);
    open.push(stream);
    return stream;
  };
  let n = 0;
  async function newReview(extra: Record<string, unknown> = {}): Promise<string> {
    const id = `live${++n}`;
    const res = await server.request(`/v1/reviews/${id}`, {
      method: 'PUT',
      headers: admin,
      json: { ...openReview(id), ...extra },
    });
    assert.equal(res.status, 201);
    return id;
  }
  const post = async (id: string, name: string, body: string) => {
    const res = await server.request(`/v1/reviews/${id}/comments`, { method: 'POST', json: comment(name, body) });
    assert.equal(res.status, 201);
    return res.json();
  };

  before(async () => {
    server = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN });
  });
  after(async () => {
    for (const stream of open) stream.close();
    await server.stop();
    removeDir(server.dir);
  });

  it('is an event stream, readable from any origin, for known reviews only', async () => {
    const stream = await events('/v1/reviews/ballerina/events', { Origin: 'https://elsewhere.example' });
    assert.equal(stream.response.status, 200);
    assert.match(stream.response.headers.get('Content-Type')!, /^text\/event-stream/);
    assert.equal(stream.response.headers.get('Access-Control-Allow-Origin'), '*');
    await stream.ready();
    stream.close();
    const missing = await server.request('/v1/reviews/nope/events');
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).code, 'not-found');
    const bad = await server.request('/v1/reviews/ballerina/events', { headers: { 'Last-Event-ID': 'yesterday' } });
    assert.equal(bad.status, 400);
    const doc = await (await server.request('/v1/openapi.json')).json();
    assert.ok(doc.paths['/reviews/{id}/events'].get.responses['200'].content['text/event-stream']);
  });

  it('announces a new comment, an edit, a removal and the count after each', async () => {
    const id = await newReview();
    const stream = await events(`/v1/reviews/${id}/events`);
    await stream.ready();
    const created = await post(id, 'Ana', 'Live, from the first row');
    const announced = await stream.next((e) => e.event === 'comment-created');
    const shown = JSON.parse(announced.data);
    assert.equal(shown.id, created.id);
    assert.equal(shown.body, 'Live, from the first row');
    assert.equal(shown.author.name, 'Ana');
    assert.equal('editToken' in shown, false);
    assert.deepEqual(JSON.parse((await stream.next((e) => e.event === 'count')).data), { count: 1 });

    const edited = await server.request(`/v1/comments/${created.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${created.editToken}` },
      json: { body: 'Live, edited' },
    });
    assert.equal(edited.status, 200);
    assert.equal(JSON.parse((await stream.next((e) => e.event === 'comment-updated')).data).body, 'Live, edited');

    const removed = await server.request(`/v1/comments/${created.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${created.editToken}` },
    });
    assert.equal(removed.status, 204);
    assert.equal(JSON.parse((await stream.next((e) => e.event === 'comment-removed')).data).id, created.id);
    await stream.next((e) => e.event === 'count' && JSON.parse(e.data).count === 0);
    // Ids increase, so a reconnect can say where it was.
    const ids = stream.events.map((e) => Number(e.id));
    assert.deepEqual(
      [...ids].sort((a, b) => a - b),
      ids,
    );
  });

  it('says nothing of a comment held for moderation until it is approved', async () => {
    const held = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, MODERATION: 'pre' });
    try {
      const stream = await openEvents(`${held.url}/v1/reviews/ballerina/events`);
      open.push(stream);
      await stream.ready();
      const pending = await (
        await held.request('/v1/reviews/ballerina/comments', { method: 'POST', json: comment('Hana', 'Waiting') })
      ).json();
      const approved = await held.request(`/v1/admin/comments/${pending.id}/approve`, {
        method: 'POST',
        headers: admin,
      });
      assert.equal(approved.status, 200);
      const announced = await stream.next((e) => e.event === 'comment-created');
      assert.equal(JSON.parse(announced.data).id, pending.id);
      // The first event is the approval: posting it announced nothing.
      assert.equal(stream.events[0], announced);
    } finally {
      await held.stop();
      removeDir(held.dir);
    }
  });

  it('announces the desk taking comments out of sight: reject, a report that hides, delete, purge', async () => {
    const desk = await startServer({ REVIEW_ADMIN_TOKEN: ADMIN_TOKEN, REVIEW_REPORT_HIDE_AT: '1' });
    try {
      const stream = await openEvents(`${desk.url}/v1/reviews/ballerina/events`);
      open.push(stream);
      await stream.ready();
      const posted: { id: string }[] = [];
      for (const body of ['to reject', 'to report', 'to delete', 'to purge']) {
        const res = await desk.request('/v1/reviews/ballerina/comments', { method: 'POST', json: comment('Io', body) });
        assert.equal(res.status, 201);
        posted.push((await res.json()) as { id: string });
      }
      const [rejected, reported, deleted, purged] = posted;
      const removal = async (id: string) =>
        assert.equal(
          JSON.parse((await stream.next((e) => e.event === 'comment-removed' && JSON.parse(e.data).id === id)).data).id,
          id,
        );
      const act = async (id: string, action: string, expected: number) =>
        assert.equal(
          (await desk.request(`/v1/admin/comments/${id}/${action}`, { method: 'POST', headers: admin })).status,
          expected,
        );

      await act(rejected.id, 'reject', 200);
      await removal(rejected.id);
      assert.equal(
        (await desk.request(`/v1/comments/${reported.id}/reports`, { method: 'POST', json: { reason: 'spam' } }))
          .status,
        201,
      );
      await removal(reported.id);
      await act(deleted.id, 'delete', 200);
      await removal(deleted.id);
      await act(purged.id, 'purge', 204);
      await removal(purged.id);
      // Approving the rejected one shows it again.
      await act(rejected.id, 'approve', 200);
      assert.equal(
        JSON.parse(
          (await stream.next((e) => e.event === 'comment-created' && JSON.parse(e.data).id === rejected.id)).data,
        ).body,
        'to reject',
      );
    } finally {
      await desk.stop();
      removeDir(desk.dir);
    }
  });

  it('resumes after Last-Event-ID with what was missed, and asks for a reload when it cannot', async () => {
    const id = await newReview();
    const first = await events(`/v1/reviews/${id}/events`);
    await post(id, 'Before', 'seen live');
    await first.next((e) => e.event === 'count');
    const last = first.lastId()!;
    first.close();

    const missed = await post(id, 'During', 'posted while away');
    const again = await events(`/v1/reviews/${id}/events`, { 'Last-Event-ID': last });
    const caughtUp = await again.next((e) => e.event === 'comment-created');
    assert.equal(JSON.parse(caughtUp.data).id, missed.id);
    assert.ok(Number(caughtUp.id) > Number(last));
    assert.equal(again.events.filter((e) => e.event === 'comment-created').length, 1, 'only what was missed, once');
    await again.next((e) => e.event === 'count' && JSON.parse(e.data).count === 2);

    // An id this server never gave (or one from before a restart on SQLite): reload.
    const lost = await events(`/v1/reviews/${id}/events`, { 'Last-Event-ID': '9999999999999999' });
    await lost.next((e) => e.event === 'reset');
  });

  it("gives a thread's first page the event id it reflects, kept while the page is cached", async () => {
    const id = await newReview();
    const seen = await post(id, 'Ana', 'On the page');
    await post(id, 'Bo', 'Also on the page');
    const read = await server.request(`/v1/reviews/${id}/comments?limit=1`);
    const page = await read.json();
    assert.ok(Number.isSafeInteger(page.eventId), 'a first page says where the live events stand');
    const etag = read.headers.get('ETag')!;
    const next = await (await server.request(`/v1/reviews/${id}/comments?limit=1&cursor=${page.nextCursor}`)).json();
    assert.equal(next.eventId, undefined, 'only the first page, where a live thread starts');

    // Events elsewhere move the position on; the unchanged page still says where it was built.
    await post(await newReview(), 'Cy', 'On another review');
    const again = await server.request(`/v1/reviews/${id}/comments?limit=1`);
    assert.equal((await again.json()).eventId, page.eventId);
    assert.equal(again.headers.get('ETag'), etag);
    const revalidated = await server.request(`/v1/reviews/${id}/comments?limit=1`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(revalidated.status, 304);

    // Posted after the page, before the stream: the stream from the page's position has it, and
    // nothing the page already reflects.
    const gap = await post(id, 'Di', 'Posted in the gap');
    const stream = await events(`/v1/reviews/${id}/events?lastEventId=${page.eventId}`);
    const announced = await stream.next((e) => e.event === 'comment-created');
    assert.equal(JSON.parse(announced.data).id, gap.id);
    await stream.next((e) => e.event === 'count' && JSON.parse(e.data).count === 3);
    assert.ok(!stream.events.some((e) => e.event === 'comment-created' && JSON.parse(e.data).id === seen.id));
    assert.equal(stream.events.filter((e) => e.event === 'comment-created').length, 1);
  });

  it('caps the streams one client holds open, and frees a place when one closes', async () => {
    for (const stream of open) stream.close();
    const streams: SseStream[] = [];
    let refused: Response | undefined;
    // Streams of the earlier tests may take a moment to be noticed closed: at most 6 get through.
    for (let i = 0; i < 7 && !refused; i++) {
      const stream = await events('/v1/reviews/the-glory/events');
      if (stream.response.status === 429) refused = stream.response;
      else streams.push(stream);
    }
    assert.ok(refused, 'a seventh stream was refused');
    assert.equal((await refused.json()).code, 'rate-limited');
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    for (const s of streams) s.close();
    let again: Response;
    do again = await server.request('/v1/reviews/the-glory/events');
    while (again.status === 429 && (await new Promise((r) => setTimeout(r, 20)), true));
    assert.equal(again.status, 200);
    await again.body?.cancel();
  });
});
