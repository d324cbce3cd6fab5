/**
 * The live-event hub on its own (no server process): heartbeats as SSE comments, one shared timer
 * that stops when the last stream closes, the per-client cap, and no gap between catching up and
 * live delivery.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryFeed } from '../live/feed.js';
import { LiveHub, STREAMS_PER_CLIENT } from '../live/hub.js';

async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  text: string,
  seen = { all: '' },
): Promise<string> {
  const decoder = new TextDecoder();
  while (!seen.all.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${JSON.stringify(text)}; got ${JSON.stringify(seen.all)}`);
    seen.all += decoder.decode(value, { stream: true });
  }
  return seen.all;
}

describe('live hub', () => {
  // The hub's timer is unref'd (it must not hold a server open): keep this test's loop alive.
  let alive: NodeJS.Timeout;
  before(() => void (alive = setInterval(() => {}, 1000)));
  after(() => clearInterval(alive));

  it('sends heartbeat comments on one timer, which stops with the last stream', async () => {
    const hub = new LiveHub(new MemoryFeed(), { heartbeatMs: 20 });
    assert.equal(hub.beating, false);
    const reader = hub.open('r1', 'client', undefined).getReader();
    const text = await readUntil(reader, ': heartbeat\n\n');
    assert.match(text, /^retry: \d+\n\nid: \d+\n\n/);
    assert.equal(hub.beating, true);
    await reader.cancel();
    assert.equal(hub.size, 0);
    assert.equal(hub.beating, false);
  });

  it('counts streams per client', async () => {
    const hub = new LiveHub(new MemoryFeed());
    const readers = [];
    for (let i = 0; i < STREAMS_PER_CLIENT; i++) {
      assert.equal(hub.admits('a'), true);
      readers.push(hub.open('r1', 'a', undefined).getReader());
      await readers.at(-1)!.read(); // the stream starts when first read
    }
    assert.equal(hub.admits('a'), false);
    assert.equal(hub.admits('b'), true);
    await readers[0].cancel();
    assert.equal(hub.admits('a'), true);
    hub.closeAll();
    assert.equal(hub.size, 0);
  });

  it('sends what was missed, then what comes, each once and in order', async () => {
    const feed = new MemoryFeed();
    const hub = new LiveHub(feed);
    await feed.publish('r1', [{ type: 'count', data: '{"count":1}' }]);
    const first = await feed.since('r1', 0);
    assert.equal(first, undefined, 'an id from before this process started cannot be resumed');
    const start = await feed.position('r1');
    await feed.publish('r1', [
      { type: 'comment-created', data: '{"id":"a"}' },
      { type: 'count', data: '{"count":2}' },
    ]);
    await feed.publish('r2', [{ type: 'count', data: '{"count":9}' }]);
    const reader = hub.open('r1', 'c', start).getReader();
    const seen = { all: '' };
    await readUntil(reader, '{"count":2}', seen);
    await feed.publish('r1', [{ type: 'count', data: '{"count":3}' }]);
    await readUntil(reader, '{"count":3}', seen);
    const events = [...seen.all.matchAll(/id: (\d+)\nevent: ([\w-]+)\ndata: (.*)\n\n/g)].map((m) => [
      Number(m[1]),
      m[2],
      m[3],
    ]);
    assert.deepEqual(
      events.map((e) => e[2]),
      ['{"id":"a"}', '{"count":2}', '{"count":3}'],
    );
    assert.deepEqual(
      events.map((e) => e[0]),
      [...events.map((e) => e[0])].sort((x, y) => (x as number) - (y as number)),
    );
    await reader.cancel();
  });
});
