/**
 * npm run import -- --from review-elements|disqus|wordpress|remark42|waline|artalk|isso [--map FILE]
 *   [--dry-run] [--include-spam] [--json] FILE
 *
 * Our own export (npm run export) into an empty database is restored whole: reviews, drafts,
 * comments with their ids, reports, bans and settings. Into one with reviews, only its comments
 * are imported, matched to reviews by URL like any other format.
 *
 * Writes into the database the server uses (REVIEW_DB). The running server keeps counts and
 * pages in memory, so restart it after an import, or upload through POST /v1/admin/import instead.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { MAX_REPLY_DEPTH } from '../schemas.js';
import { openPostgresStore } from '../store/open.js';
import { SqliteStore } from '../store/sqlite.js';
import type { ReviewStore } from '../store/store.js';
import { FORMAT_NAMES, ImportError, runImport } from './formats.js';
import { readMapFile } from './match.js';
import type { ImportReport } from './writer.js';

const USAGE = `Usage: npm run import -- [--from ${FORMAT_NAMES.join('|')}] [--map FILE] [--dry-run] [--include-spam] [--json] FILE

  --from          the export's format (guessed from the file when left out)
  --map FILE      JSON {"old page URL": "review-id"} or CSV url,review-id, for pages whose URL changed
  --dry-run       read and match everything, write nothing, print the same report
  --include-spam  keep spam as rejected comments (seen only by moderators) instead of skipping it
  --json          print the report as JSON

The database is REVIEW_DB (default ./data/reviews.db), as for the server.`;

export function formatReport(r: ImportReport, maxDepth: number): string {
  const lines = [`Import from ${r.format}${r.dryRun ? ' (dry run: nothing was written)' : ''}`];
  if (r.restored) {
    lines.push(
      `Restored into an empty database: ${r.restored.reviews} reviews (drafts kept as drafts), ${r.imported.total} comments, ${r.restored.reports} reports, ${r.restored.bans} bans, and the settings`,
    );
    return lines.join('\n');
  }
  lines.push(
    `Threads: ${r.threads.total} (${r.threads.matched} matched to a review, ${r.threads.unmatched} unmatched)`,
  );
  const i = r.imported;
  const parts = [
    `${i.published} published`,
    `${i.pending} pending`,
    ...(i.rejected ? [`${i.rejected} rejected (spam)`] : []),
    ...(i.deleted ? [`${i.deleted} deleted, kept as holders of replies`] : []),
  ];
  lines.push(`Comments ${r.dryRun ? 'to import' : 'imported'}: ${i.total} (${parts.join(', ')})`);
  const skipped = Object.entries(r.skipped).filter(([, n]) => n > 0);
  lines.push(`Skipped: ${skipped.length ? skipped.map(([why, n]) => `${n} ${why}`).join(', ') : 'none'}`);
  if (r.missingParent) lines.push(`Replies whose parent is missing, kept as top-level comments: ${r.missingParent}`);
  if (r.flattened) lines.push(`Replies nested deeper than ${maxDepth}, moved up to level ${maxDepth}: ${r.flattened}`);
  if (r.unmatchedThreads.length) {
    lines.push('Unmatched threads (nothing imported; give each a review id with --map FILE and run again):');
    for (const t of r.unmatchedThreads)
      lines.push(
        `  ${t.url ?? `(thread ${t.sourceId})`}${t.title ? ` "${t.title}"` : ''}: ${t.comments} comment${t.comments === 1 ? '' : 's'}`,
      );
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        map: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'include-spam': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`Give exactly one export file.\n\n${USAGE}`);
    return 2;
  }
  const [file] = positionals;
  if (!existsSync(file)) {
    console.error(`No file ${file}`);
    return 2;
  }
  let map;
  try {
    map = values.map ? readMapFile(values.map) : undefined;
  } catch (error) {
    console.error(`--map ${values.map}: ${(error as Error).message}`);
    return 2;
  }
  // The same database the server uses: PostgreSQL when DATABASE_URL names one, else REVIEW_DB.
  let opened: { store: ReviewStore; close: () => Promise<void> };
  try {
    if (process.env.DATABASE_URL) opened = await openPostgresStore(process.env.DATABASE_URL);
    else {
      const sqlite = new SqliteStore(process.env.REVIEW_DB || './data/reviews.db');
      opened = { store: sqlite, close: () => sqlite.close() };
    }
  } catch (error) {
    console.error(`Cannot open the database: ${(error as Error).message}`);
    return 1;
  }
  const { store } = opened;
  try {
    const report = await runImport(store, file, values.from, {
      dryRun: values['dry-run'],
      includeSpam: values['include-spam'],
      map,
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report, MAX_REPLY_DEPTH));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(error.message);
      return error.code === 'unreadable-file' ? 1 : 2;
    }
    throw error;
  } finally {
    await opened.close();
  }
}

process.exitCode = await main();
