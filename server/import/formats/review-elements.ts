/**
 * Our own export (npm run export) as an import format: the reader, and its view in the shared
 * import shape. A full restore (reviews, states, bans, settings) is restoreExport() in
 * server/backup/restore.ts; the comment importer can use toImportedSource() like any other format.
 */
import * as v from 'valibot';
import type { ExportData } from '../../store/desk.js';
import { readText } from '../source-file.js';
import type { ImportedSource, ImportedStatus } from '../types.js';

const str = v.string();
const nullableStr = v.nullable(v.string());

const ExportSchema = v.object({
  format: v.literal('review-elements'),
  version: v.literal(1, 'This export is from a newer version; update the server first'),
  exportedAt: str,
  reviews: v.array(
    v.object({ id: str, state: v.picklist(['draft', 'published']), document: v.looseObject({ publishedAt: str }) }),
  ),
  comments: v.array(
    v.object({
      id: str,
      reviewId: str,
      parentId: nullableStr,
      rootId: str,
      depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
      authorName: str,
      authorEmail: nullableStr,
      // Since the merge with the importers: the email's hash, which imported comments have alone.
      authorEmailHash: v.optional(nullableStr, null),
      body: str,
      spoiler: v.boolean(),
      status: v.picklist(['published', 'pending', 'deleted', 'rejected']),
      createdAt: str,
      editedAt: nullableStr,
      editTokenHash: str,
      spam: v.boolean(),
      clientIp: nullableStr,
    }),
  ),
  reports: v.array(
    v.object({
      commentId: str,
      readerKey: str,
      reason: str,
      note: nullableStr,
      createdAt: str,
      resolvedAt: nullableStr,
    }),
  ),
  bans: v.array(
    v.object({
      id: str,
      kind: v.picklist(['email', 'network']),
      value: str,
      reason: nullableStr,
      createdAt: str,
      expiresAt: nullableStr,
    }),
  ),
  settings: v.record(v.string(), v.string()),
});

export class ExportFormatError extends Error {}

/** Parses and checks an export file's text; throws ExportFormatError naming the first bad field. */
export function readReviewElementsExport(text: string): ExportData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ExportFormatError('The file is not JSON');
  }
  const result = v.safeParse(ExportSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ExportFormatError(`Not a review-elements export: ${v.getDotPath(issue) ?? '(top)'}: ${issue.message}`);
  }
  return result.output as ExportData;
}

/** An export file (plain or gzipped), checked. */
export function readExportFile(file: string): ExportData {
  return readReviewElementsExport(readText(file));
}

/**
 * The reader the import table (server/import/formats.ts) calls: the comments in the shared shape,
 * for a database that already has the reviews. An empty database gets a full restore instead.
 */
export async function read(file: string): Promise<ImportedSource> {
  return toImportedSource(readExportFile(file));
}

/** The comments of an export in the shared import shape, one thread per review. */
export function toImportedSource(data: ExportData): ImportedSource {
  const status = (c: ExportData['comments'][number]): ImportedStatus =>
    c.spam ? 'spam' : c.status === 'rejected' ? 'deleted' : c.status;
  return {
    format: 'review-elements',
    threads: data.reviews.map((r) => {
      const doc = r.document as { url?: string; title?: string };
      return {
        sourceId: r.id,
        url: doc.url ?? null,
        title: doc.title ?? null,
        comments: data.comments
          .filter((c) => c.reviewId === r.id)
          .map((c) => ({
            sourceId: c.id,
            parentSourceId: c.parentId,
            authorName: c.authorName,
            authorEmail: c.authorEmail,
            body: c.body,
            createdAt: c.createdAt,
            status: status(c),
          })),
      };
    }),
  };
}
