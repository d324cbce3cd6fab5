/**
 * Vite plugin for the CDN build: after the element chunks are written to dist/cdn/, writes the
 * loader dist/review-elements.js with the map it reads (src/loader/index.ts, `CdnManifest`): for
 * each tag its chunk and every chunk that chunk imports statically, so the loader fetches them in
 * one round; for each catalogue the chunk that registers it. Data, not a list: a new element entry
 * or a new src/locales/<id>.ts appears in the map with no edit here.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

type Chunk = {
  type: 'chunk';
  fileName: string;
  name: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
};

/**
 * Lazy imports the loader preloads when the element has this attribute (they are certain then):
 * `<content-warning from-review>` needs the data layer at once (not its settings dialog, which
 * waits for the reader to ask).
 */
const LAZY_WITH: Record<string, [attribute: string, modules: RegExp]> = {
  'content-warning': ['from-review', /\/src\/data\//],
};

export function cdnLoader(options: { outDir: string; loader: string; define: Record<string, string> }): Plugin {
  return {
    name: 'review-elements:cdn-loader',
    async writeBundle(_output, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const item of Object.values(bundle))
        if (item.type === 'chunk') chunks.set(item.fileName, item as unknown as Chunk);
      const files: string[] = [];
      const index = (file: string) => (files.includes(file) ? files.indexOf(file) : files.push(file) - 1);
      /** Without the `cdn/` every chunk has: the loader adds it. */
      const short = (file: string) => file.replace(/^cdn\//, '');
      const closure = (file: string, seen = new Set<string>()) => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const i of chunks.get(file)!.imports) closure(i, seen);
        return seen;
      };
      const isCatalogue = (file: string) =>
        chunks.get(file)!.moduleIds.some((id) => /\/shared\/i18n\/[\w-]+\.json$/.test(id));
      const manifest = {
        files,
        tags: {} as Record<string, number[]>,
        lazy: {} as Record<string, [string, number[]]>,
        catalogues: {} as Record<string, number[]>,
      };
      for (const chunk of chunks.values()) {
        if (!chunk.isEntry) continue;
        const all = [...closure(chunk.fileName)].map(index);
        const catalogue = /^locale-(.+)$/.exec(chunk.name);
        if (catalogue) {
          manifest.catalogues[catalogue[1]] = all;
          continue;
        }
        manifest.tags[chunk.name] = all;
        const [attribute, modules] = LAZY_WITH[chunk.name] ?? [];
        if (attribute && modules) {
          const lazy = new Set<string>();
          for (const file of closure(chunk.fileName)) {
            for (const d of chunks.get(file)!.dynamicImports)
              if (!isCatalogue(d) && chunks.get(d)!.moduleIds.some((id) => modules.test(id))) closure(d, lazy);
          }
          for (const file of closure(chunk.fileName)) lazy.delete(file);
          manifest.lazy[chunk.name] = [attribute, [...lazy].map(index)];
        }
      }
      // The same map as JSON, for the budget test and the benchmark (and any tool that wants to add
      // preload hints for a page): dist/cdn/manifest.json.
      await writeFile(join(options.outDir, 'cdn', 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
      const inlined = { ...manifest, files: files.map(short) };
      // The map goes in as text after the build: as a `define`, esbuild wraps an object in a lazily
      // initialised module of its own, which cost the loader ~100 bytes gzip.
      const result = await build({
        entryPoints: [options.loader],
        bundle: true,
        format: 'esm',
        minify: true,
        target: 'es2022',
        // Like the chunks: the reference server serves the map; the file names none.
        sourcemap: 'external',
        define: options.define,
        outfile: join(options.outDir, 'review-elements.js'),
        write: false,
        logLevel: 'warning',
      });
      for (const file of result.outputFiles) {
        const text = file.path.endsWith('.js')
          ? file.text.replace('__CDN_MANIFEST__', () => JSON.stringify(inlined))
          : file.text;
        if (file.path.endsWith('.js') && !text.includes('"tags"'))
          throw new Error('cdn-loader: the manifest was not inlined');
        await writeFile(file.path, text);
      }
    },
  };
}
