/**
 * POST /v1/admin/import?from=disqus&dryRun=1 — the import as an upload, for owners who cannot
 * run `npm run import` where the server runs. The body is the export file itself (any content
 * type, gzip welcome), up to IMPORT_MAX_BYTES: this route is mounted before the API's 64 KiB body
 * limit, and streams the body to a temporary file instead of holding it in memory. It goes
 * through the running server's store, so counts and ETags are right at once. No `--map` here:
 * unmatched threads are listed in the report, for a second run with the CLI or after fixing URLs.
 */
import { Hono } from 'hono';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as v from 'valibot';
import { FORMAT_NAMES, ImportError, runImport } from '../import/formats.js';
import { problem } from '../problem.js';
import type { ReviewStore } from '../store/store.js';
import { requireAdmin, type Deps } from './auth.js';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const Flag = v.optional(
  v.pipe(
    v.picklist(['1', '0', 'true', 'false']),
    v.transform((s) => s === '1' || s === 'true'),
  ),
  '0',
);
const QuerySchema = v.object({
  from: v.optional(v.picklist(FORMAT_NAMES)),
  dryRun: Flag,
  includeSpam: Flag,
});

class TooLarge extends Error {}

export function adminImportRoutes(store: ReviewStore, deps: Deps) {
  const app = new Hono();
  app.use('/admin/import', requireAdmin(deps));
  app.post('/admin/import', async (c) => {
    const query = v.safeParse(QuerySchema, c.req.query());
    if (!query.success)
      return problem(
        c,
        400,
        'invalid-query',
        `from: ${FORMAT_NAMES.join('|')} (or left out to guess); dryRun, includeSpam: 1|0`,
      );
    const tooLarge = () => {
      c.header('Connection', 'close');
      return problem(
        c,
        413,
        'payload-too-large',
        `Exports are at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB here; run npm run import on the server for larger ones`,
      );
    };
    if (Number(c.req.header('Content-Length')) > IMPORT_MAX_BYTES) return tooLarge();
    const body = c.req.raw.body;
    if (!body) return problem(c, 400, 'invalid-body', 'Send the export file as the request body');

    const dir = await mkdtemp(join(tmpdir(), 'review-import-'));
    const file = join(dir, 'upload');
    try {
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(size > IMPORT_MAX_BYTES ? new TooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(
          Readable.fromWeb(body as import('node:stream/web').ReadableStream),
          count,
          createWriteStream(file),
        );
      } catch (error) {
        if (error instanceof TooLarge) return tooLarge();
        throw error;
      }
      if (size === 0) return problem(c, 400, 'invalid-body', 'Send the export file as the request body');
      const { from, dryRun, includeSpam } = query.output;
      const report = await runImport(store, file, from, { dryRun, includeSpam });
      c.header('Cache-Control', 'no-store');
      return c.json(report);
    } catch (error) {
      if (error instanceof ImportError)
        return problem(
          c,
          error.code === 'format-unavailable' ? 400 : 422,
          error.code === 'format-unavailable' ? 'invalid-query' : 'invalid-body',
          error.message,
        );
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  return app;
}
