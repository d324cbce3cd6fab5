/**
 * The one writer every import format goes through: threads matched to reviews, replies kept under
 * their parents, spam and deleted posts skipped and counted, source ids remembered so a re-run
 * imports nothing twice. Store access only through ReviewStore, so a PostgreSQL store fits.
 *
 * Decisions (docs/import/README.md says them to blog owners):
 * - a reply whose parent is neither in the file nor imported before becomes a top-level comment
 *   (its words are kept) and is counted as `missingParent`;
 * - a reply under a skipped parent (spam, empty) hangs on the nearest kept ancestor;
 * - a deleted comment with kept replies is written as a deleted comment without name or text,
 *   the "[deleted]" holder the thread already shows for a comment deleted here;
 * - replies deeper than MAX_REPLY_DEPTH go under their ancestor one level above that depth,
 *   which is where the thread would show them, and are counted as `flattened`;
 * - comments keep their original createdAt; they are written oldest first, so "oldest" order
 *   (by insertion) follows their dates, after any comment already on the review.
 */
import { randomBytes } from 'node:crypto';
import { emailHash } from '../email-hash.js';
import { MAX_REPLY_DEPTH } from '../schemas.js';
import type { ImportedRecord, ReviewStore, StoredStatus } from '../store/store.js';
import { ReviewMatcher, type ReviewRef } from './match.js';
import type { ImportedComment, ImportedSource } from './types.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** URL or source thread id → review id (`--map`). */
  map?: Map<string, string>;
  /** Keep spam as `rejected` comments (seen only by moderators) instead of skipping it. */
  includeSpam?: boolean;
}

export interface UnmatchedThread {
  sourceId: string;
  url: string | null;
  title: string | null;
  /** Comments it holds that would have been imported. */
  comments: number;
}

export interface ImportReport {
  format: string;
  dryRun: boolean;
  /** Set when our own export was restored whole into an empty database (server/import/formats.ts). */
  restored?: { reviews: number; reports: number; bans: number };
  threads: { total: number; matched: number; unmatched: number };
  /** Written (or, in a dry run, that would be written), by status. */
  imported: { total: number; published: number; pending: number; rejected: number; deleted: number };
  skipped: Record<string, number>;
  /** Replies whose parent is missing, kept as top-level comments. */
  missingParent: number;
  /** Replies nested deeper than the server allows, moved up to the deepest allowed level. */
  flattened: number;
  unmatchedThreads: UnmatchedThread[];
}

const ANONYMOUS = 'Anonymous';
const newId = () => `c_${randomBytes(9).toString('base64url')}`;
// As the routes do (server/schemas.ts): UTF-8 storage cannot hold a lone surrogate.
const clean = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const skip = (report: ImportReport, reason: string) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);

async function allReviews(store: ReviewStore): Promise<ReviewRef[]> {
  const refs: ReviewRef[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listReviews(cursor, 100);
    refs.push(...page.items.map((r) => ({ id: r.id, url: r.url })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return refs;
}

interface Placed {
  id: string;
  depth: number;
  rootId: string;
  parentId: string | null;
  reviewId: string;
}

export async function importSource(
  store: ReviewStore,
  source: ImportedSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    format: source.format,
    dryRun: Boolean(options.dryRun),
    threads: { total: source.threads.length, matched: 0, unmatched: 0 },
    imported: { total: 0, published: 0, pending: 0, rejected: 0, deleted: 0 },
    skipped: { spam: 0, deleted: 0, duplicate: 0, ...source.skipped },
    missingParent: 0,
    flattened: 0,
    unmatchedThreads: [],
  };
  const matcher = new ReviewMatcher(await allReviews(store), options.map);
  const ids = new Set<string>();
  for (const thread of source.threads)
    for (const c of thread.comments) ids.add(c.sourceId).add(c.parentSourceId ?? c.sourceId);
  const earlier = await store.importedIds(source.format, [...ids]);
  /** Where every comment of this run or an earlier one sits, by our id. */
  const placed = new Map<string, Placed>();
  const lookup = async (id: string): Promise<Placed | undefined> => {
    const known = placed.get(id);
    if (known) return known;
    const record = await store.getComment(id);
    if (!record) return undefined;
    const found = {
      id,
      depth: record.depth,
      rootId: record.rootId,
      parentId: record.parentId,
      reviewId: record.reviewId,
    };
    placed.set(id, found);
    return found;
  };
  const records: ImportedRecord[] = [];
  const seen = new Set<string>();

  for (const thread of source.threads) {
    const reviewId = matcher.match(thread.url, thread.sourceId);
    const wanted = (c: ImportedComment) =>
      c.status === 'published' || c.status === 'pending' || (c.status === 'spam' && options.includeSpam);
    if (!reviewId) {
      report.threads.unmatched++;
      const comments = thread.comments.filter((c) => wanted(c) && !earlier.has(c.sourceId)).length;
      report.unmatchedThreads.push({ sourceId: thread.sourceId, url: thread.url, title: thread.title, comments });
      continue;
    }
    report.threads.matched++;
    const bySource = new Map<string, ImportedComment>();
    const keep = new Set<string>();
    for (const c of thread.comments) {
      if (seen.has(c.sourceId) || earlier.has(c.sourceId)) {
        skip(report, 'duplicate');
        continue;
      }
      seen.add(c.sourceId);
      bySource.set(c.sourceId, c);
      if (!wanted(c)) skip(report, c.status === 'spam' ? 'spam' : c.status === 'deleted' ? 'deleted' : c.status);
      else if (!c.body.trim()) skip(report, 'empty');
      else if (Number.isNaN(Date.parse(c.createdAt))) skip(report, 'bad-date');
      else keep.add(c.sourceId);
    }
    // A deleted ancestor of a kept reply stays, empty, so the reply keeps its place.
    for (const sourceId of [...keep]) {
      const guard = new Set<string>();
      for (
        let p = bySource.get(sourceId)?.parentSourceId;
        p && bySource.has(p) && !guard.has(p);
        p = bySource.get(p)!.parentSourceId
      ) {
        guard.add(p);
        const parent = bySource.get(p)!;
        if (parent.status === 'deleted' && !keep.has(p)) {
          keep.add(p);
          report.skipped.deleted--;
        }
      }
    }
    const order = [...keep].map((id) => bySource.get(id)!);
    order.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const ours = new Map<string, string>();
    const written = new Set<string>();

    /** The kept (or earlier imported) ancestor a comment hangs on, or null for top level. */
    const parentOf = async (c: ImportedComment): Promise<Placed | null> => {
      const guard = new Set<string>();
      let p = c.parentSourceId;
      while (p && !guard.has(p)) {
        guard.add(p);
        if (keep.has(p)) {
          if (!written.has(p)) await place(bySource.get(p)!);
          return placed.get(ours.get(p)!) ?? null;
        }
        const before = earlier.get(p);
        if (before) {
          const found = await lookup(before);
          if (found && found.reviewId === reviewId) return found;
          break;
        }
        const inFile = bySource.get(p);
        if (!inFile) break;
        p = inFile.parentSourceId;
      }
      if (c.parentSourceId) report.missingParent += p && !bySource.has(p) && !earlier.has(p) ? 1 : 0;
      return null;
    };

    const place = async (c: ImportedComment): Promise<void> => {
      if (written.has(c.sourceId)) return;
      written.add(c.sourceId);
      let parent = await parentOf(c);
      if (parent && parent.depth + 1 > MAX_REPLY_DEPTH) {
        report.flattened++;
        while (parent && parent.depth + 1 > MAX_REPLY_DEPTH)
          parent = parent.parentId ? ((await lookup(parent.parentId)) ?? null) : null;
      }
      const id = newId();
      ours.set(c.sourceId, id);
      const deleted = c.status === 'deleted';
      const status: StoredStatus = c.status === 'spam' ? 'rejected' : c.status;
      const record: ImportedRecord = {
        id,
        reviewId,
        parentId: parent?.id ?? null,
        rootId: parent?.rootId ?? id,
        depth: parent ? parent.depth + 1 : 0,
        authorName: deleted ? '' : clean(c.authorName.trim() || ANONYMOUS).slice(0, 80),
        authorEmailHash: !deleted && c.authorEmail?.includes('@') ? emailHash(c.authorEmail) : null,
        body: deleted ? '' : clean(c.body),
        status,
        createdAt: new Date(Date.parse(c.createdAt)).toISOString(),
        sourceId: c.sourceId,
      };
      placed.set(id, { id, depth: record.depth, rootId: record.rootId, parentId: record.parentId, reviewId });
      records.push(record);
      report.imported[status === 'rejected' ? 'rejected' : status]++;
    };
    for (const c of order) await place(c);
  }

  report.imported.total = records.length;
  if (!options.dryRun && records.length) {
    const n = await store.importComments(source.format, records);
    // Another import of the same file may have written some of them first.
    report.skipped.duplicate += records.length - n;
    report.imported.total = n;
  }
  return report;
}
