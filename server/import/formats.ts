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
  // Our own export/restore format; its reader is written on another branch. When it is merged:
  // 'review-elements': () => import('./formats/review-elements.js'),
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
export async function runImport(store: ReviewStore, file: string, from: string | undefined, options: ImportOptions): Promise<ImportReport> {
  const format = from ?? sniffFormat(file);
  if (!format) throw new ImportError(`Cannot tell the file's format; say it with --from ${FORMAT_NAMES.join('|')}`, 'unknown-format');
  if (!isFormat(format)) throw new ImportError(`Unknown format "${format}"; one of ${FORMAT_NAMES.join(', ')}`, 'unknown-format');
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
