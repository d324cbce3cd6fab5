/**
 * What the library weighs, measured the same way for `npm run bench` and the budget test:
 * - the one-file CDN bundle (`dist/review-elements.js`), and each catalogue it loads on demand;
 * - each npm entry (`dist/<element>.js`) bundled with its share of lit and minified by esbuild, the
 *   way an app's bundler would: `initial` is what loads with the element (the entry and its static
 *   imports); `lazy` lists what it imports only when needed (another language, the data layer).
 * Sizes are bytes; gzip at level 9 and brotli at its default. Deterministic for a given build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const ELEMENT_ENTRIES = [
  'review-card',
  'review-rating',
  'review-source',
  'cast-list',
  'content-warning',
  'comment-thread',
  'comment-count',
];

export function sizes(code) {
  const buffer = Buffer.from(code);
  return {
    minified: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer).length,
  };
}

/**
 * The CDN files: `dist/review-elements.all.js` (everything, one file), and the loader
 * `dist/review-elements.js` with the chunks it fetches (dist/cdn/, mapped by dist/cdn/manifest.json).
 * `page(tags, langs)` is what a page with those tags and languages downloads: the loader and every
 * chunk it fetches, each gzipped on its own (as each is served).
 */
export function cdnSizes(root) {
  const dist = join(root, 'dist');
  const manifest = JSON.parse(readFileSync(join(dist, 'cdn', 'manifest.json'), 'utf8'));
  const files = manifest.files.map((file) => ({ file, ...sizes(readFileSync(join(dist, file))) }));
  const loader = sizes(readFileSync(join(dist, 'review-elements.js')));
  /** @param {string[]} tags @param {{ langs?: string[], lazy?: boolean }} [options] */
  const page = (tags, { langs = [], lazy = false } = {}) => {
    const chunks = new Set();
    for (const tag of tags) {
      manifest.tags[tag].forEach((i) => chunks.add(i));
      if (lazy && manifest.lazy[tag]) manifest.lazy[tag][1].forEach((i) => chunks.add(i));
    }
    for (const id of langs) manifest.catalogues[id].forEach((i) => chunks.add(i));
    const total = { minified: loader.minified, gzip: loader.gzip, brotli: loader.brotli, requests: 1 + chunks.size };
    for (const i of chunks) for (const k of ['minified', 'gzip', 'brotli']) total[k] += files[i][k];
    return total;
  };
  return { all: sizes(readFileSync(join(dist, 'review-elements.all.js'))), loader, manifest, files, page };
}

/** One npm entry with lit, minified; `initial` and each lazily imported part. */
export async function entrySizes(root, entry) {
  const result = await build({
    entryPoints: [join(root, `dist/${entry}.js`)],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: join(root, '.size-check'),
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const code = new Map(result.outputFiles.map((f) => [f.path.slice(join(root, '.size-check').length + 1), f.contents]));
  const name = (path) => path.replace(/^.*\.size-check\//, '');
  // Dynamically imported modules are entry points to esbuild too: pick the one asked for.
  const entryPath = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith(`dist/${entry}.js`));
  const initial = new Set();
  const stack = [entryPath];
  while (stack.length) {
    const path = stack.pop();
    if (initial.has(path)) continue;
    initial.add(path);
    for (const i of outputs[path].imports) if (i.kind === 'import-statement') stack.push(i.path);
  }
  const join_ = (paths) => Buffer.concat(paths.map((p) => code.get(name(p))));
  const lazy = {};
  for (const path of Object.keys(outputs)) {
    if (initial.has(path) || !path.endsWith('.js')) continue;
    // `ko-<rolldown hash>-<esbuild hash>.js` → `ko`
    lazy[
      name(path)
        .replace(/-[A-Z0-9]{8}\.js$/, '')
        .replace(/-[\w-]{8}$/, '')
    ] = sizes(code.get(name(path)));
  }
  return { initial: sizes(join_([...initial])), lazy };
}

/** lit alone, every export, for comparison. */
export async function litSizes(root) {
  const result = await build({
    stdin: { contents: "export * from 'lit';", resolveDir: root },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return sizes(result.outputFiles[0].contents);
}
