/**
 * Where the bytes go, for `npm run bench`: every element's module bundled by esbuild with code
 * splitting (as the CDN build splits them) and its metafile read back. Each output file's bytes are
 * attributed to the inputs they came from, grouped (lit, valibot, @lit/context, the API client, the
 * data layer, i18n, shared helpers, the element's own files), and each shared chunk lists the
 * elements that load it. Minified bytes before compression (a metafile knows no gzip); the CSS in
 * lit templates is not minified here as the real build does, so styles read a little large.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const GROUPS = [
  [/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//, 'lit'],
  [/node_modules\/@lit\/context\//, '@lit/context'],
  [/node_modules\/valibot\//, 'valibot'],
  [/src\/api\//, 'API client and schemas'],
  [/src\/data\//, 'data layer'],
  [/src\/shared\/i18n\/en\.ts$/, 'English strings'],
  [/src\/(shared|admin)\/i18n\/[\w-]+\.(ts|json)$/, 'i18n'],
  [/src\/shared\//, 'shared helpers'],
  [/src\/elements\/([\w-]+)\//, (m) => `<${m[1]}> own files`],
];
const group = (path) => {
  for (const [re, name] of GROUPS) {
    const m = re.exec(path);
    if (m) return typeof name === 'function' ? name(m) : name;
  }
  return path;
};

export async function bytesReport(root) {
  const elements = readdirSync(join(root, 'src/elements'));
  const result = await build({
    entryPoints: elements.map((e) => ({ in: join(root, `src/elements/${e}/index.ts`), out: e })),
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: join(root, '.bytes-report'),
    define: { __REVIEW_ELEMENTS_VERSION__: '"0.0.0"' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const name = (path) => relative(join(root, '.bytes-report'), join(root, path));
  // Which elements reach each output through static imports.
  const users = new Map();
  for (const [path, out] of Object.entries(outputs)) {
    if (!out.entryPoint) continue;
    const element = name(path).replace(/\.js$/, '');
    const stack = [path];
    const seen = new Set();
    while (stack.length) {
      const p = stack.pop();
      if (seen.has(p)) continue;
      seen.add(p);
      (users.get(p) ?? users.set(p, new Set()).get(p)).add(element);
      for (const i of outputs[p].imports) if (i.kind === 'import-statement') stack.push(i.path);
    }
  }
  const rows = [];
  for (const [path, out] of Object.entries(outputs)) {
    if (!path.endsWith('.js')) continue;
    const groups = {};
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs))
      groups[group(input)] = (groups[group(input)] ?? 0) + bytesInOutput;
    const by = users.get(path);
    rows.push({
      file: name(path),
      bytes: out.bytes,
      loadedBy: by ? [...by].sort() : ['(lazy)'],
      groups: Object.fromEntries(Object.entries(groups).sort((a, b) => b[1] - a[1])),
    });
  }
  return rows.sort((a, b) => b.bytes - a.bytes);
}

/**
 * The biggest inputs of each element as a page gets it from the CDN: the element's module bundled
 * alone with everything it imports statically (what the loader fetches for its tag, lazy parts
 * left out), minified by esbuild; `top` inputs each, minified bytes (a metafile knows no gzip).
 * Where to look first when an element's page is over its budget.
 */
export async function entryInputs(root, top = 12) {
  const elements = readdirSync(join(root, 'src/elements')).filter((e) => !ADMIN.has(e));
  const out = {};
  for (const element of elements) {
    const result = await build({
      entryPoints: [join(root, `src/elements/${element}/index.ts`)],
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      outdir: join(root, '.bytes-report'),
      define: { __REVIEW_ELEMENTS_VERSION__: '"0.0.0"' },
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    // Lazily imported modules are entry points to esbuild too: pick the element's.
    const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith(`src/elements/${element}/index.ts`));
    const inputs = {};
    const seen = new Set();
    const stack = [entry];
    while (stack.length) {
      const path = stack.pop();
      if (seen.has(path)) continue;
      seen.add(path);
      for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
        const name = input.replace(/^.*node_modules\//, '').replace(/^src\//, '');
        inputs[name] = (inputs[name] ?? 0) + bytesInOutput;
      }
      for (const i of outputs[path].imports) if (i.kind === 'import-statement') stack.push(i.path);
    }
    const sorted = Object.entries(inputs).sort((a, b) => b[1] - a[1]);
    out[element] = {
      total: sorted.reduce((n, [, b]) => n + b, 0),
      top: sorted.slice(0, top),
    };
  }
  return out;
}

const ADMIN = new Set(['review-editor', 'comment-moderation']);

// `node scripts/bytes-report.mjs`: the per-element report alone, without the browser benchmark.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  for (const [element, { total, top }] of Object.entries(await entryInputs(root))) {
    console.log(`\n<${element}>: ${(total / 1024).toFixed(1)} KB minified with what it imports statically`);
    for (const [input, bytes] of top) console.log(`  ${(bytes / 1024).toFixed(1).padStart(5)} KB  ${input}`);
  }
}
