#!/usr/bin/env node
/**
 * dist/hydrate/review-elements.js: every element with lit's hydration support loaded first, for
 * pages rendered on the server (server/ssr/, docs/ssr.md). One file, like the CDN bundle.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: ['src/hydrate.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  define: { __REVIEW_ELEMENTS_VERSION__: JSON.stringify(version) },
  outfile: 'dist/hydrate/review-elements.js',
  logLevel: 'warning',
});
