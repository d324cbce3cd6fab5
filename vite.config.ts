import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { cdnLoader } from './scripts/cdn-loader.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Minifies the CSS inside lit's css`` templates (comments and indentation are half their bytes).
 * Written here because the plugins that did this for lit are unmaintained; it only collapses
 * whitespace and drops comments, and leaves templates with interpolations alone.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'review-elements:minify-lit-css',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`$]*)`/g, (_m, body: string) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * First line of review-elements.all.js. It bundles lit's browser build, whose classes extend `HTMLElement`
 * and which reads `document` as it loads, so importing the file on a server (Next.js rendering a
 * client component, a plain `node` import) threw `HTMLElement is not defined`. These two module-scope
 * names shadow the globals: a browser gets its own, a server gets stand-ins, and with no
 * `customElements` there nothing is defined (see defineElement). lit's `node` build does the same
 * for the npm entries, with a larger DOM shim we do not want in a blog's script tag.
 */
const SERVER_SAFE =
  'const HTMLElement=globalThis.HTMLElement??class{},CSSStyleSheet=globalThis.CSSStyleSheet??class{},document=globalThis.document??{createTreeWalker:()=>({}),createComment:()=>({})};';

/** Per-element entries for npm users; each registers its own tags. */
export const entries = {
  index: 'src/index.ts',
  api: 'src/api.ts',
  'review-card': 'src/review-card.ts',
  'review-rating': 'src/review-rating.ts',
  'review-source': 'src/review-source.ts',
  'content-warning': 'src/content-warning.ts',
  'cast-list': 'src/cast-list.ts',
  'comment-thread': 'src/comment-thread.ts',
  'comment-count': 'src/comment-count.ts',
  'content-warning-settings': 'src/content-warning-settings.ts',
  'locales/ko': 'src/locales/ko.ts',
  'locales/zh-Hans': 'src/locales/zh-Hans.ts',
  'locales/zh-Hant': 'src/locales/zh-Hant.ts',
  'locales/ja': 'src/locales/ja.ts',
  'locales/es': 'src/locales/es.ts',
  'locales/fr': 'src/locales/fr.ts',
  'locales/de': 'src/locales/de.ts',
  'locales/pt-BR': 'src/locales/pt-BR.ts',
  'locales/ar': 'src/locales/ar.ts',
};

/**
 * Four builds from one config (`BUILD=cdn|all|npm|admin`; admin: dist/admin/admin.js, the owner's
 * desk, never in the readers' files):
 * - `cdn`: dist/review-elements.js, a small loader for a blog's script tag, and the chunks it loads
 *   from beside itself (dist/cdn/), minified with lit inside;
 * - `all`: dist/review-elements.all.js, every element in one minified file, for one request;
 * - `npm`: one ES module per entry with lit, @lit/* and valibot left as imports, so an app's
 *   bundler shares one copy of each with the rest of the app.
 * (`npm start` runs the reference server, which serves the CDN file and the demo.)
 */
export default defineConfig((): UserConfig => {
  const target = process.env.BUILD ?? 'cdn';
  const define = { __REVIEW_ELEMENTS_VERSION__: JSON.stringify(pkg.version) };
  // The catalogues (src/shared/i18n/*.json) as one object literal each: named exports made a
  // binding and a getter per key, and JSON.parse of a string escaped every quote (together 0.67 KB
  // gzip for the two in review-elements.all.js). They are read whole, never by key.
  const json = { namedExports: false, stringify: false } as const;
  if (target === 'npm') {
    return {
      define,
      json,
      plugins: [minifyLitCss()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        // No maps: these files are unminified ES modules that read as they are, and a map would point
        // at src/, which the package does not ship.
        sourcemap: false,
        minify: false,
        lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        rolldownOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^valibot$/],
          output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
  if (target === 'admin') {
    // The owner's desk (/admin/ on the reference server): its own file, never in the readers' bundle.
    return {
      define,
      json,
      plugins: [minifyLitCss()],
      build: {
        outDir: 'dist/admin',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: { admin: 'src/admin.ts' }, formats: ['es'], fileName: () => 'admin.js' },
        rolldownOptions: {
          // Importable on a server too (a framework's build may import it): see SERVER_SAFE.
          output: { minify: true, codeSplitting: false, banner: SERVER_SAFE },
          onLog(level, log, handler) {
            if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
            handler(level, log);
          },
        },
      },
    };
  }
  if (target === 'all') {
    return {
      define,
      json,
      plugins: [minifyLitCss()],
      // The settings element is in this file already; see src/elements/content-warning/settings-loader.ts.
      resolve: {
        alias: [
          // Likewise the live code of the thread and the count (src/elements/*/live-loader.ts).
          {
            find: /^\.\/live-loader\.js$/,
            replacement: fileURLToPath(new URL('./src/elements/comment-thread/live-loader.all.ts', import.meta.url)),
          },
          {
            find: /^\.\/settings-loader\.js$/,
            replacement: fileURLToPath(
              new URL('./src/elements/content-warning/settings-loader.cdn.ts', import.meta.url),
            ),
          },
          {
            find: /^\.\/report-loader\.js$/,
            replacement: fileURLToPath(new URL('./src/elements/comment-thread/report-loader.all.ts', import.meta.url)),
          },
        ],
      },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        // The reference server serves the map; the file names none, and the package leaves it out.
        sourcemap: 'hidden',
        lib: {
          entry: { 'review-elements.all': 'src/index.ts' },
          formats: ['es'],
          fileName: () => 'review-elements.all.js',
        },
        rolldownOptions: {
          // Chunks are the catalogues beyond en/ko/zh-Hans, loaded on demand beside this file
          // (review-elements.<name>-<hash>.js, imported relative to the bundle's own URL).
          output: { minify: true, chunkFileNames: 'review-elements.[name]-[hash].js', banner: SERVER_SAFE },
          onLog(level, log, handler) {
            // Catalogues and the data layer are imported lazily for npm users; in this one file they
            // are already present (imported statically too), which is what we want here.
            if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
            handler(level, log);
          },
        },
      },
    };
  }
  // `cdn`: one chunk per element and per catalogue in dist/cdn/, shared code in chunks of its own,
  // and the loader dist/review-elements.js that knows which to fetch (scripts/cdn-loader.ts).
  return {
    define,
    json,
    plugins: [minifyLitCss(), cdnLoader({ outDir: 'dist', loader: 'src/loader/index.ts', define })],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: 'hidden',
      lib: { entry: cdnEntries(), formats: ['es'], fileName: (_format, name) => `cdn/${name}-[hash:6].js` },
      rolldownOptions: {
        // Shared chunks by hash alone, and 6 characters of it (36 bits, for some 35 files): the loader
        // carries every name, and names cost it bytes (8 characters cost it 69 bytes gzip more).
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true, chunkFileNames: 'cdn/[hash:6].js', codeSplitting: { groups: CDN_GROUPS } },
      },
    },
  };
});

/**
 * What every element uses goes in one chunk, and the data layer in another: a page loads three or
 * four files, not fifteen, and each file gzipped on its own costs its header and what it could
 * have shared with the others (~3 KB on the article page, measured). By module, not by
 * dependency, so an element's own strings and helpers stay in its chunk.
 */
const CORE =
  /node_modules[\\/](lit[\\/](index|decorators|directives[\\/]if-defined)|lit-html[\\/](lit-html|directive|directives[\\/]if-defined)|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/](css-tag|reactive-element|decorators[\\/](property|state)))\.js$|src[\\/]shared[\\/](heading|version|define-element|tokens\.styles|review-element|locale-controller|own|format|button\.styles|vocabulary|i18n[\\/](index|en))\.ts$/;
// Not the context provider: only <review-source> provides, and it keeps that in its own chunk.
const DATA =
  /node_modules[\\/]@lit[\\/]context[\\/](?!lib[\\/](value-notifier|controllers[\\/]context-provider))|src[\\/](api|data)[\\/]|src[\\/]shared[\\/](load-states|retry-later|base-url)\.ts$/;
const CDN_GROUPS = [
  // With lit, the bundler's own helpers (TypeScript's decorator helper, the module runtime: ids in \0).
  { name: 'core', test: (id: string) => CORE.test(id) || !/[\\/]/.test(id) || id.startsWith('\0'), priority: 2 },
  { name: 'data', test: DATA, priority: 1 },
].map((group) => ({ ...group, includeDependenciesRecursively: false }));

/** The owner's desk (#14): built by BUILD=admin into dist/admin/admin.js, never in a reader's page. */
const ADMIN_ELEMENTS = new Set(['review-editor', 'comment-moderation']);

/** The CDN chunks' entries: each element's own module (it registers its tag) and each catalogue. */
function cdnEntries(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of readdirSync('src/elements'))
    if (!ADMIN_ELEMENTS.has(dir)) out[dir] = `src/elements/${dir}/index.ts`;
  for (const file of readdirSync('src/locales')) out[`locale-${file.replace(/\.ts$/, '')}`] = `src/locales/${file}`;
  return out;
}
