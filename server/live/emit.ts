import type { DeskStore } from '../store/desk.js';
import { publicComment } from '../store/comment-tree.js';
import type { CommentRecord, ReviewStore } from '../store/store.js';
import type { LiveEventType, LiveFeed } from './feed.js';

type Events = { type: LiveEventType; data: string }[];

/**
 * The store, announcing every change a reader of the thread can see to the live feed. One wrapper
 * for both stores: the events follow from what the store returns, not from how it stores it.
 * Methods not named here pass straight through (a Proxy, so a method added to ReviewStore later
 * still works; it announces nothing until it is listed here).
 */
export function withLiveEvents(store: ReviewStore, feed: LiveFeed): ReviewStore {
  const announce = async (reviewId: string, events: Events) => {
    if (!events.length) return;
    try {
      const counts = await store.commentCounts([reviewId]);
      events.push({ type: 'count', data: JSON.stringify({ count: counts[reviewId] ?? 0 }) });
      await feed.publish(reviewId, events);
    } catch (error) {
      // The change is committed; a lost announcement costs a live reader a reload, not data.
      console.error('review-server: could not announce a change:', (error as Error).message);
    }
  };
  const comment = (record: CommentRecord) => JSON.stringify(publicComment(record));
  const removed = (record: CommentRecord) => ({
    type: 'comment-removed' as const,
    data: JSON.stringify({ id: record.id, parentId: record.parentId }),
  });
  /** What a reader sees change when a comment goes from `before` to `after` (undefined: gone). */
  const statusChange = async (before: CommentRecord, after: CommentRecord | undefined) => {
    if (after && after.status === before.status) return;
    if (after?.status === 'published')
      await announce(after.reviewId, [{ type: 'comment-created', data: comment(after) }]);
    else if (before.status === 'published' || (!after && before.status === 'deleted'))
      await announce(before.reviewId, [removed(before)]);
  };

  // The desk's moderation (approve, reject, spam, delete, purge) and a report that hides a comment
  // change what readers see as setCommentStatus does, so they announce the same events.
  const deskOverrides: Partial<DeskStore> = {
    async moderate(id, action) {
      const before = await store.getComment(id);
      const result = await store.desk!.moderate(id, action);
      if (before && result) await statusChange(before, result === 'purged' ? undefined : result);
      return result;
    },
    async report(input, hideAt) {
      const result = await store.desk!.report(input, hideAt);
      if (result.hidden) {
        const record = await store.getComment(input.commentId);
        if (record) await announce(record.reviewId, [removed(record)]);
      }
      return result;
    },
  };
  // Bound: the desks keep their database in private fields, which `this` must carry.
  // (deskOverrides run only through this proxy, which exists only when the store has a desk.)
  const desk =
    store.desk &&
    new Proxy(store.desk, {
      get(target, property) {
        if (typeof property === 'string' && property in deskOverrides)
          return deskOverrides[property as keyof DeskStore];
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });

  const overrides: Partial<ReviewStore> = {
    async createComment(newComment, idempotency) {
      const result = await store.createComment(newComment, idempotency);
      if (!result.replayed && result.record?.status === 'published') {
        await announce(result.record.reviewId, [{ type: 'comment-created', data: comment(result.record) }]);
      }
      return result;
    },
    async updateComment(id, changes) {
      const record = await store.updateComment(id, changes);
      if (record?.status === 'published')
        await announce(record.reviewId, [{ type: 'comment-updated', data: comment(record) }]);
      // Edited under pre-moderation: back in the queue, out of sight until approved again.
      else if (record && changes.status === 'pending') {
        await announce(record.reviewId, [
          { type: 'comment-removed', data: JSON.stringify({ id: record.id, parentId: record.parentId }) },
        ]);
      }
      return record;
    },
    async setCommentStatus(id, status) {
      const before = await store.getComment(id);
      const record = await store.setCommentStatus(id, status);
      if (!record || !before || before.status === record.status) return record;
      if (record.status === 'published') {
        await announce(record.reviewId, [{ type: 'comment-created', data: comment(record) }]);
      } else if (before.status === 'published') {
        await announce(record.reviewId, [removed(record)]);
      }
      return record;
    },
  };

  return new Proxy(store, {
    get(target, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof ReviewStore];
      if (property === 'desk') return desk;
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
