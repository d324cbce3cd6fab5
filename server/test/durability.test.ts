import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comment, removeDir, startServer } from './harness.js';

describe('durability', () => {
  it('keeps a posted comment across a restart', async () => {
    const first = await startServer();
    try {
      const created = await (
        await first.request('/v1/reviews/ballerina/comments', { method: 'POST', json: comment('Ana', 'Still here?') })
      ).json();
      assert.equal(await first.stop('SIGTERM'), 0);
      assert.match(first.output(), /stopped cleanly/);
      const second = await startServer({}, { dir: first.dir, db: first.db });
      try {
        const listed = await (await second.request('/v1/reviews/ballerina/comments?sort=newest')).json();
        assert.equal(listed.items[0].id, created.id);
        assert.equal(listed.items[0].body, 'Still here?');
        assert.equal(listed.total, 7);
        // Seeding happens once: a restart on a used database adds nothing.
        assert.doesNotMatch(second.output(), /seeded/);
      } finally {
        await second.stop();
      }
    } finally {
      removeDir(first.dir);
    }
  });

  it('loses no acknowledged comment when SIGTERM arrives during a burst of posts', async () => {
    const server = await startServer();
    try {
      const acknowledged: string[] = [];
      let refused = 0;
      const one = async (i: number) => {
        try {
          const res = await server.request('/v1/reviews/the-glory/comments', {
            method: 'POST',
            json: comment(`p${i}`, `burst ${i}`),
          });
          if (res.status === 201) acknowledged.push((await res.json()).id);
        } catch {
          refused++; // the connection was closed before an answer: not acknowledged
        }
      };
      const burst = Array.from({ length: 300 }, (_, i) => one(i));
      // Stop once the burst is under way.
      while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 2));
      const code = await server.stop('SIGTERM');
      await Promise.all(burst);
      assert.equal(code, 0, server.output());
      assert.ok(acknowledged.length >= 20);

      const again = await startServer({}, { dir: server.dir, db: server.db });
      try {
        const stored = new Set<string>();
        let cursor: string | null = '';
        while (cursor !== null) {
          const page: { items: { id: string }[]; nextCursor: string | null } = await (
            await again.request(
              `/v1/reviews/the-glory/comments?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            )
          ).json();
          page.items.forEach((c) => stored.add(c.id));
          cursor = page.nextCursor;
        }
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(
          lost,
          [],
          `${lost.length} of ${acknowledged.length} acknowledged comments lost (${refused} refused)`,
        );
      } finally {
        await again.stop();
      }
    } finally {
      removeDir(server.dir);
    }
  });
});
