/**
 * What the three host pages' Vite configs share. Each host imports the elements from the library
 * source (src/index.ts), so Vite compiles lit's decorators here the way the root tsconfig.json
 * does (experimentalDecorators, useDefineForClassFields: false): legacy decorators, and class
 * fields assigned in the constructor rather than defined over lit's reactive accessors.
 */
import { readFileSync } from 'node:fs';
import type { UserConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const shared = {
  define: { __REVIEW_ELEMENTS_VERSION__: JSON.stringify(pkg.version) },
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
  // `vite -c demo/hosts/<name>/vite.config.ts` in development: the API of `npm start`.
  server: { proxy: { '/v1': 'http://127.0.0.1:8787' } },
} satisfies UserConfig;
