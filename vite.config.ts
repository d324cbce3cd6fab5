import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

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
  'locales/ko': 'src/locales/ko.ts',
  'locales/zh-Hans': 'src/locales/zh-Hans.ts',
};

/**
 * Three builds from one config (`BUILD=cdn|npm|admin`; admin: dist/admin/admin.js, the owner's desk):
 * - `cdn`: dist/review-elements.js, one minified file with lit inside, for a blog's script tag;
 * - `npm`: one ES module per entry with lit, @lit/* and valibot left as imports, so an app's
 *   bundler shares one copy of each with the rest of the app.
 * (`npm start` runs the reference server, which serves the CDN file and the demo.)
 */
export default defineConfig((): UserConfig => {
  const target = process.env.BUILD ?? 'cdn';
  const define = { __REVIEW_ELEMENTS_VERSION__: JSON.stringify(pkg.version) };
  if (target === 'npm') {
    return {
      define,
      plugins: [minifyLitCss()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: true,
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
      plugins: [minifyLitCss()],
      build: {
        outDir: 'dist/admin',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: { admin: 'src/admin.ts' }, formats: ['es'], fileName: () => 'admin.js' },
        rolldownOptions: {
          output: { minify: true, codeSplitting: false },
          onLog(level, log, handler) {
            if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
            handler(level, log);
          },
        },
      },
    };
  }
  return {
    define,
    plugins: [minifyLitCss()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      lib: { entry: { 'review-elements': 'src/index.ts' }, formats: ['es'], fileName: () => 'review-elements.js' },
      rolldownOptions: {
        // Any chunk would be named review-elements.<name>-<hash>.js; test/budgets checks there is none.
        output: { minify: true, chunkFileNames: 'review-elements.[name]-[hash].js' },
        onLog(level, log, handler) {
          // Catalogues and the data layer are imported lazily for npm users; in this one file they
          // are already present (imported statically too), which is what we want here.
          if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
          handler(level, log);
        },
      },
    },
  };
});
