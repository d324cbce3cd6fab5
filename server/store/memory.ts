/**
 * The whole ReviewStore in memory: for the in-process route tests, for Storybook (the real routes
 * answer the stories in the browser), and for any runtime without SQLite. It follows the SQLite
 * store rule for rule — what a reader can see, the page byte budget, cursors in the one spelling
 * the SQLite store makes, scoped idempotency — with plain maps and arrays instead of indexes, so
 * it is meant for hundreds or thousands of comments, not millions. Nothing here imports Node.
 */
import * as v from 'valibot';
import { ReviewSchema } from '../../src/api/schemas.js';
import type { Comment, Page, Review, ReviewInput, ReviewSummary } from '../../src/api/types.js';
import { sha1 } from '../web-crypto.js';
import {
  PAGE_BUDGET_BYTES,
  REPLIES_PER_COMMENT,
  buildTree,
  newCommentId,
  wireBytes,
  type SubtreeNode,
} from './comment-tree.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type {
  AdminListOptions,
  CommentRecord,
  ImportedRecord,
  ListCommentsOptions,
  NewComment,
  ReviewStore,
  StoredReview,
  StoredStatus,
} from './store.js';

type Row = CommentRecord & { seq: number; score: number; authorEmailHash: string | null };
type CommentPage = Page<Comment> & { total: number };

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const copy = ({ seq: _seq, score: _score, authorEmailHash: _hash, ...record }: Row): CommentRecord => ({ ...record });

export class MemoryStore implements ReviewStore {
  readonly #reviews = new Map<string, { document: Review; publishedAt: string }>();
  readonly #comments = new Map<string, Row>();
  /** Direct replies of each comment (and top-level comments under the review id), in seq order. */
  readonly #children = new Map<string, Row[]>();
  readonly #idempotency = new Map<string, { requestHash: string; commentId: string; at: number }>();
  readonly #imports = new Map<string, string>();
  readonly #revisions = new Map<string, number>();
  readonly #pages = new Map<string, { revision: number; page: CommentPage }>();
  readonly #reviewCache = new Map<string, StoredReview & { document: Review; count: number }>();
  #seq = 0;

  async isEmpty(): Promise<boolean> {
    return this.#reviews.size === 0;
  }

  #commentsChanged(reviewId: string): void {
    this.#revisions.set(reviewId, (this.#revisions.get(reviewId) ?? 0) + 1);
  }

  #kids(key: string): Row[] {
    return this.#children.get(key) ?? [];
  }

  /** Published comments a reader can reach: none under a rejected or pending comment. */
  #publishedCount(reviewId: string): number {
    let n = 0;
    const walk = (rows: Row[]) => {
      for (const row of rows) {
        if (row.status === 'rejected' || row.status === 'pending') continue;
        if (row.status === 'published') n++;
        walk(this.#kids(row.id));
      }
    };
    walk(this.#kids(`review:${reviewId}`));
    return n;
  }

  async getReview(id: string): Promise<StoredReview | undefined> {
    const entry = this.#reviews.get(id);
    if (!entry) return undefined;
    const count = this.#publishedCount(id);
    const cached = this.#reviewCache.get(id);
    if (cached && cached.document === entry.document && cached.count === count) return cached;
    const review: Review = { ...entry.document, commentCount: count };
    const json = JSON.stringify(review);
    const stored = { review, json, etag: `"${(await sha1(json)).slice(0, 20)}"`, document: entry.document, count };
    this.#reviewCache.set(id, stored);
    return stored;
  }

  async listReviews(cursor: string | undefined, limit: number): Promise<Page<ReviewSummary>> {
    const after = decodeCursor('reviews', cursor, ['string', 'string']);
    const ordered = [...this.#reviews.entries()]
      .map(([id, { publishedAt }]) => ({ id, publishedAt }))
      .sort((a, b) =>
        a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      )
      .filter((r) => !after || r.publishedAt < after[0] || (r.publishedAt === after[0] && r.id > String(after[1])));
    const page = ordered.slice(0, limit);
    const items: ReviewSummary[] = [];
    for (const { id } of page) {
      const { review } = (await this.getReview(id))!;
      items.push({
        id: review.id,
        url: review.url,
        lang: review.lang,
        title: review.title,
        summary: review.summary,
        publishedAt: review.publishedAt,
        rating: review.rating,
        work: { title: review.work.title, type: review.work.type, year: review.work.year, poster: review.work.poster },
        commentCount: review.commentCount,
      });
    }
    const last = page.at(-1);
    return {
      items,
      nextCursor: ordered.length > limit && last ? encodeCursor('reviews', [last.publishedAt, last.id]) : null,
    };
  }

  async putReview(input: ReviewInput): Promise<{ created: boolean }> {
    const review = v.parse(ReviewSchema, input);
    const created = !this.#reviews.has(review.id);
    this.#reviews.set(review.id, { document: review, publishedAt: new Date(review.publishedAt).toISOString() });
    this.#commentsChanged(review.id);
    return { created };
  }

  async listComments(reviewId: string, options: ListCommentsOptions): Promise<CommentPage | undefined> {
    decodeCursor(options.sort, options.cursor, options.sort === 'top' ? ['number', 'number'] : ['number']);
    if (options.parentId && !this.#reachable(reviewId, options.parentId)) return undefined;
    const key = JSON.stringify([reviewId, options.sort, options.limit, options.cursor ?? '', options.parentId ?? '']);
    const revision = this.#revisions.get(reviewId) ?? 0;
    const hit = this.#pages.get(key);
    if (hit && hit.revision === revision) return hit.page;
    const page = this.#listComments(reviewId, options);
    if (this.#pages.size >= 200) this.#pages.delete(this.#pages.keys().next().value!);
    this.#pages.set(key, { revision, page });
    return page;
  }

  /** Is this comment on this review, and it and every comment above it published or deleted? */
  #reachable(reviewId: string, id: string): boolean {
    for (let current: string | null = id, hops = 0; current && hops < 50; hops++) {
      const row = this.#comments.get(current);
      if (!row || row.reviewId !== reviewId || (row.status !== 'published' && row.status !== 'deleted')) return false;
      current = row.parentId;
    }
    return true;
  }

  /** Listed while published, or deleted with a reply (published or deleted) still under it. */
  #visible(row: Row): boolean {
    return (
      row.status === 'published' ||
      (row.status === 'deleted' && this.#kids(row.id).some((r) => r.status === 'published' || r.status === 'deleted'))
    );
  }

  #listComments(reviewId: string, options: ListCommentsOptions): CommentPage {
    const { sort, limit } = options;
    let candidates = this.#kids(options.parentId ?? `review:${reviewId}`).filter((r) => this.#visible(r));
    let nextKey: (row: Row) => (string | number)[];
    if (sort === 'top') {
      const after = decodeCursor('top', options.cursor, ['number', 'number']);
      candidates = [...candidates].sort((a, b) => b.score - a.score || a.seq - b.seq);
      if (after)
        candidates = candidates.filter(
          (r) => r.score < Number(after[0]) || (r.score === after[0] && r.seq > Number(after[1])),
        );
      nextKey = (row) => [row.score, row.seq];
    } else {
      const after = decodeCursor(sort, options.cursor, ['number']);
      if (sort === 'newest') candidates = [...candidates].reverse();
      if (after)
        candidates = candidates.filter((r) =>
          sort === 'oldest' ? r.seq > Number(after[0]) : r.seq < Number(after[0]),
        );
      nextKey = (row) => [row.seq];
    }
    // Top-level comments in order until the page's byte budget is spent, each with as many of its
    // replies as fit (at most REPLIES_PER_COMMENT), as the SQLite store does.
    let budget = PAGE_BUDGET_BYTES;
    const items: Comment[] = [];
    let lastShown: Row | undefined;
    let cut = candidates.length > limit;
    for (const row of candidates.slice(0, limit)) {
      const size = wireBytes(row);
      if (items.length && size > budget) {
        cut = true;
        break;
      }
      budget -= size;
      const subtree = this.#subtree(row.id);
      const included = new Map<string, CommentRecord & { seq: number }>();
      const wanted = subtree
        .map((n) => n.seq)
        .sort((x, y) => x - y)
        .slice(0, REPLIES_PER_COMMENT);
      const bySeq = new Map(subtree.map((n) => [n.seq, this.#comments.get(n.id)!]));
      for (const seq of wanted) {
        const reply = bySeq.get(seq)!;
        const bytes = wireBytes(reply);
        if (bytes > budget) break;
        budget -= bytes;
        included.set(reply.id, { ...copy(reply), seq });
      }
      const comment = buildTree({ ...copy(row), seq: row.seq }, subtree, included, (seq) =>
        encodeCursor('oldest', [seq]),
      );
      if (comment) items.push(comment);
      lastShown = row;
    }
    return {
      items,
      nextCursor: cut && lastShown ? encodeCursor(sort, nextKey(lastShown)) : null,
      total: this.#publishedCount(reviewId),
    };
  }

  /** Every reply that can show under this comment: reached through published or deleted ones only. */
  #subtree(id: string): SubtreeNode[] {
    const nodes: SubtreeNode[] = [];
    const walk = (parentId: string) => {
      for (const row of this.#kids(parentId)) {
        if (row.status !== 'published' && row.status !== 'deleted') continue;
        nodes.push({ id: row.id, parentId, seq: row.seq, status: row.status });
        walk(row.id);
      }
    };
    walk(id);
    return nodes;
  }

  /** sort=top orders by published replies in the whole thread, as the SQLite store keeps it. */
  #rescore(rootId: string): void {
    const root = this.#comments.get(rootId);
    if (!root) return;
    let n = 0;
    for (const row of this.#comments.values())
      if (row.rootId === rootId && row.id !== rootId && row.status === 'published') n++;
    root.score = n;
  }

  #insert(row: Row): void {
    this.#comments.set(row.id, row);
    const key = row.parentId ?? `review:${row.reviewId}`;
    const list = this.#children.get(key) ?? [];
    list.push(row);
    this.#children.set(key, list);
  }

  async getComment(id: string): Promise<CommentRecord | undefined> {
    const row = this.#comments.get(id);
    return row && copy(row);
  }

  async createComment(
    comment: NewComment,
    idempotency: { key: string; requestHash: string } | undefined,
  ): Promise<{ record: CommentRecord | undefined; replayed: boolean; conflict: boolean }> {
    const now = Date.now();
    for (const [key, entry] of this.#idempotency)
      if (now - entry.at > IDEMPOTENCY_TTL_MS) this.#idempotency.delete(key);
    if (idempotency) {
      const previous = this.#idempotency.get(idempotency.key);
      if (previous) {
        if (previous.requestHash !== idempotency.requestHash)
          return { record: undefined, replayed: true, conflict: true };
        // The replay carries a new token, and the comment now answers to it (as in SQLite).
        const row = this.#comments.get(previous.commentId);
        if (row && (row.status === 'published' || row.status === 'pending')) row.editTokenHash = comment.editTokenHash;
        return { record: row && copy(row), replayed: true, conflict: false };
      }
    }
    const parent = comment.parentId ? this.#comments.get(comment.parentId) : undefined;
    const id = newCommentId();
    const row: Row = {
      ...comment,
      id,
      parentId: parent?.id ?? null,
      rootId: parent?.rootId ?? id,
      depth: parent ? parent.depth + 1 : 0,
      editedAt: null,
      seq: ++this.#seq,
      score: 0,
      authorEmailHash: null,
    };
    this.#insert(row);
    if (parent) this.#rescore(parent.rootId);
    this.#commentsChanged(comment.reviewId);
    if (idempotency)
      this.#idempotency.set(idempotency.key, { requestHash: idempotency.requestHash, commentId: id, at: now });
    return { record: copy(row), replayed: false, conflict: false };
  }

  async updateComment(
    id: string,
    changes: { body?: string; spoiler?: boolean; editedAt: string; status?: 'pending' },
  ): Promise<CommentRecord | undefined> {
    const row = this.#comments.get(id);
    if (!row) return undefined;
    if (changes.body !== undefined) row.body = changes.body;
    if (changes.spoiler !== undefined) row.spoiler = changes.spoiler;
    if (changes.status) row.status = changes.status;
    row.editedAt = changes.editedAt;
    this.#rescore(row.rootId);
    this.#commentsChanged(row.reviewId);
    return copy(row);
  }

  async setCommentStatus(id: string, status: StoredStatus): Promise<CommentRecord | undefined> {
    const row = this.#comments.get(id);
    if (!row) return undefined;
    row.status = status;
    // Deleting keeps the comment (replies hang on it) but nothing of the author.
    if (status === 'deleted')
      Object.assign(row, { body: '', authorName: '', authorEmail: null, authorEmailHash: null, editTokenHash: '' });
    this.#rescore(row.rootId);
    this.#commentsChanged(row.reviewId);
    return copy(row);
  }

  async commentCounts(ids: string[]): Promise<Record<string, number>> {
    return Object.fromEntries(ids.filter((id) => this.#reviews.has(id)).map((id) => [id, this.#publishedCount(id)]));
  }

  async listByStatus({ status, cursor, limit }: AdminListOptions): Promise<Page<CommentRecord>> {
    const after = decodeCursor(`status-${status}`, cursor, ['number']);
    const rows = [...this.#comments.values()]
      .filter((r) => r.status === status && (!after || r.seq > Number(after[0])))
      .sort((a, b) => a.seq - b.seq);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(copy),
      nextCursor: rows.length > limit && last ? encodeCursor(`status-${status}`, [last.seq]) : null,
    };
  }

  async importedIds(format: string, sourceIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const sourceId of sourceIds) {
      const id = this.#imports.get(`${format}\u0000${sourceId}`);
      if (id) found.set(sourceId, id);
    }
    return found;
  }

  async importComments(format: string, records: ImportedRecord[]): Promise<number> {
    const reviews = new Set<string>();
    const roots = new Set<string>();
    let written = 0;
    for (const record of records) {
      const key = `${format}\u0000${record.sourceId}`;
      if (this.#imports.has(key)) continue;
      const { sourceId: _source, authorEmailHash, ...rest } = record;
      this.#insert({
        ...rest,
        authorEmail: null,
        authorEmailHash,
        spoiler: false,
        editedAt: null,
        editTokenHash: '',
        seq: ++this.#seq,
        score: 0,
      });
      this.#imports.set(key, record.id);
      reviews.add(record.reviewId);
      if (record.rootId !== record.id) roots.add(record.rootId);
      written++;
    }
    for (const root of roots) this.#rescore(root);
    for (const id of reviews) this.#commentsChanged(id);
    return written;
  }

  async close(): Promise<void> {}
}
