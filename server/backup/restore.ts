import { readExportFile } from '../import/formats/review-elements.js';
import type { ReviewStore } from '../store/store.js';

/**
 * Restores `npm run export`'s file into an empty database: reviews with their draft state,
 * comments with their ids, statuses and dates, reports, bans and settings, in one transaction
 * (all or nothing). Refuses a database that already holds reviews or comments.
 */
export async function restoreExport(file: string, store: ReviewStore): Promise<{ reviews: number; comments: number }> {
  const data = readExportFile(file);
  if (!store.desk) throw new Error('This store cannot restore an export (it keeps no desk)');
  return store.desk.restore(data);
}
