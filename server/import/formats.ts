/**
 * The format table shared by `npm run import` and POST /v1/admin/import. Each reader turns a file
 * into the neutral ImportedSource (server/import/types.ts); everything after that is shared.
 */
import { sniffFormat } from './source-file.js';
import type { ImportedSource } from './types.js';
import { importSource, type ImportOptions, type ImportReport } from './writer.js';
import type { ReviewStore } from '../store/store.js';

type Reader = () => Promise<{ read: (file: string) => Promise<ImportedSource> }>;

export const FORMAT_NAMES = ['review-elements', 'disqus', 'wordpress', 'remark42', 'waline', 'artalk', 'isso'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const READERS: Partial<Record<FormatName, Reader>> = {
  disqus: () => import('./formats/disqus.js'),
  wordpress: () => import('./formats/wordpress.js'),
  remark42: () => import('./formats/remark42.js'),
  waline: () => import('./formats/waline.js'),
  artalk: () => import('./formats/artalk.js'),
  isso: () => import('./formats/isso.js'),
  // Our own export (npm run export); into an empty database it is restored whole (runImport).
  'review-elements': () => import('./formats/review-elements.js'),
};

export class ImportError extends Error {
  constructor(
    message: string,
    readonly code: 'unknown-format' | 'format-unavailable' | 'unreadable-file',
  ) {
    super(message);
  }
}

export const isFormat = (name: string): name is FormatName => (FORMAT_NAMES as readonly string[]).includes(name);

/** Reads `file` as `from` (or as the format its first bytes say) and imports it. */
export async function runImport(
  store: ReviewStore,
  file: string,
  from: string | undefined,
  options: ImportOptions,
): Promise<ImportReport> {
  const format = from ?? sniffFormat(file);
  if (!format)
    throw new ImportError(
      `Cannot tell the file's format; say it with --from ${FORMAT_NAMES.join('|')}`,
      'unknown-format',
    );
  if (!isFormat(format))
    throw new ImportError(`Unknown format "${format}"; one of ${FORMAT_NAMES.join(', ')}`, 'unknown-format');
  if (format === 'review-elements' && !options.dryRun && (await store.isEmpty())) return restoreInto(store, file);
  const reader = READERS[format];
  if (!reader) throw new ImportError(`The ${format} reader is not part of this build yet`, 'format-unavailable');
  let source: ImportedSource;
  try {
    source = await (await reader()).read(file);
  } catch (error) {
    throw new ImportError(`This is not a readable ${format} export: ${(error as Error).message}`, 'unreadable-file');
  }
  return importSource(store, source, options);
}

/**
 * Our own export into an empty database: everything comes back (reviews with their drafts, comment
 * ids, statuses, reports, bans, settings), as `npm run backup`'s restoreExport does, not only the
 * comments the shared writer could match to reviews that are not there yet.
 */
async function restoreInto(store: ReviewStore, file: string): Promise<ImportReport> {
  const { readExportFile } = await import('./formats/review-elements.js');
  let data;
  try {
    data = readExportFile(file);
  } catch (error) {
    throw new ImportError(
      `This is not a readable review-elements export: ${(error as Error).message}`,
      'unreadable-file',
    );
  }
  if (!store.desk)
    throw new ImportError('This store cannot restore an export (it keeps no desk)', 'format-unavailable');
  await store.desk.restore(data);
  const imported = { total: data.comments.length, published: 0, pending: 0, rejected: 0, deleted: 0 };
  for (const c of data.comments) imported[c.status]++;
  return {
    format: 'review-elements',
    dryRun: false,
    restored: { reviews: data.reviews.length, reports: data.reports.length, bans: data.bans.length },
    threads: { total: data.reviews.length, matched: data.reviews.length, unmatched: 0 },
    imported,
    skipped: {},
    missingParent: 0,
    flattened: 0,
    unmatchedThreads: [],
  };
}
