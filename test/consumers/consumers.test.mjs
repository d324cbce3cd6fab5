/**
 * The library as its users get it: `npm pack` (which builds through `prepack`), the tarball
 * installed into real consumer projects (test/consumers/fixtures/<name>), each built the way that
 * tool builds for production, and the result opened in Chromium. Run by `npm run test:consumers`.
 *
 * Needs the npm registry or a warm npm cache (installs use `--prefer-offline`): the first run on a
 * machine downloads Next.js, Vite, esbuild, Eleventy, Astro, React and @lit-labs/ssr into the cache
 * (a minute or two). Server rendering (docs/ssr/) is checked in Eleventy, Astro and Next.js pages
 * that fetch their review from the reference server when they build or render.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess } from '../../scripts/server-process.mjs';
import { expectRendered, launch } from './support/browser.mjs';
import { ELEMENTS, examplesFrom } from './support/elements.mjs';
import { installFixture, packTarball, ROOT, run } from './support/project.mjs';
import { serveStatic } from './support/serve.mjs';
import { startNext } from './support/next.mjs';
import { assertHydrates, assertReadableWithoutJavaScript, assertServedHtml } from './support/ssr.mjs';

/** The demo's review document and its images, beside a consumer's pages (relative URLs inside). */
function copyReview(dir) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'demo/data/ballerina.json'), join(dir, 'ballerina.json'));
  cpSync(join(ROOT, 'demo/data/images'), join(dir, 'images'), { recursive: true });
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

let packed;
let installs;
let api;
let browser;
const closers = [];

/** The Next.js fixture, built and started once for the tests that open its pages. */
let nextSite;
function startNextSite() {
  nextSite ??= installs.next.then(async (dir) => {
    copyReview(join(dir, 'public'));
    const next = await startNext(dir, { REVIEW_API: `${api.url}/v1` });
    closers.push(next.stop);
    return next;
  });
  return nextSite;
}

before(async () => {
  packed = await packTarball();
  // Every project installs at once (npm's cache is safe to share); each test awaits its own.
  installs = Object.fromEntries(
    ['bundlers', 'typescript', 'react', 'eleventy', 'next', 'eleventy-ssr', 'astro'].map((name) => [
      name,
      installFixture(name, packed.tarball),
    ]),
  );
  for (const promise of Object.values(installs)) promise.catch(() => {}); // reported by the test that awaits it
  if (!existsSync(join(ROOT, 'dist/server/main.js'))) await run('npm', ['run', 'build:server'], { cwd: ROOT });
  api = await startServerProcess({ WRITE_RATE_LIMIT: '0' });
  browser = await launch();
});

after(async () => {
  await Promise.allSettled(closers.map((close) => close()));
  await browser?.close();
  await api?.stop();
});

describe('the packed tarball', () => {
  it('holds the built package, a LICENSE, and no maps, sources or server', () => {
    const files = new Set(packed.files);
    for (const file of [
      'LICENSE',
      'package.json',
      'custom-elements.json',
      'dist/review-elements.js',
      'dist/types/index.d.ts',
      'types/react.d.ts',
    ]) {
      assert.ok(files.has(file), `${file} is in the tarball`);
    }
    for (const [key, target] of Object.entries(pkg.exports)) {
      for (const path of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(files.has(path.replace(/^\.\//, '')), `${key} → ${path} is in the tarball`);
      }
    }
    const unwanted = packed.files.filter(
      (f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('dist/server/') || f.startsWith('server/'),
    );
    assert.deepEqual(unwanted, []);
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License[\s\S]*review-elements contributors/);
  });

  it('passes publint --strict and attw (ESM-only profile)', async () => {
    const publint = await run('npx', ['publint', 'run', packed.tarball, '--strict'], { cwd: ROOT });
    assert.match(publint.stdout, /All good/);
    // ESM only: the package has no CommonJS build, so node10 and node16-from-CJS resolutions are not
    // goals (a CJS app reaches it with import()); every ESM resolution must be clean.
    await run('npx', ['attw', packed.tarball, '--profile', 'esm-only'], { cwd: ROOT });
  });
});

describe('Node without a DOM', () => {
  it('imports every entry without throwing', async () => {
    const dir = await installs.bundlers;
    const entries = Object.keys(pkg.exports).filter((key) => !key.startsWith('./types/') && !key.endsWith('.json'));
    await Promise.all(
      entries.map(async (key) => {
        const specifier = `review-elements${key.slice(1)}`;
        const { stdout } = await run(
          process.execPath,
          ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)}); console.log('imported')`],
          { cwd: dir },
        );
        assert.match(stdout, /imported/, specifier);
      }),
    );
  });
});

describe('each element entry alone, in a production bundle', () => {
  let site;
  before(async () => {
    const dir = await installs.bundlers;
    copyReview(dir);
    const page = ({ entry, markup }, script) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${entry}</title></head><body>${markup}<script type="module" src="${script}"></script></body></html>`;
    for (const element of ELEMENTS)
      writeFileSync(join(dir, `${element.entry}.html`), page(element, `./entries/${element.entry}.js`));
    await run('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    await run(
      'npx',
      [
        'esbuild',
        ...ELEMENTS.map((e) => `entries/${e.entry}.js`),
        '--bundle',
        '--minify',
        '--format=esm',
        '--outdir=dist-esbuild',
        '--define:process.env.NODE_ENV="production"',
        '--log-level=warning',
      ],
      { cwd: dir },
    );
    for (const element of ELEMENTS)
      writeFileSync(join(dir, 'dist-esbuild', `${element.entry}.html`), page(element, `./${element.entry}.js`));
    site = await serveStatic(dir, api.url);
    closers.push(site.close);
  });

  for (const tool of ['vite', 'esbuild']) {
    for (const { entry, tag, expect } of ELEMENTS) {
      it(`${tool}: review-elements/${entry}.js defines <${tag}>, which renders`, async () => {
        const { page, errors } = await expectRendered(browser, `${site.url}/dist-${tool}/${entry}.html`, tag, expect);
        if (entry === 'content-warning') {
          assert.equal(await page.locator('#warned').isVisible(), false, 'the warned-about paragraph stays hidden');
        }
        await page.close();
        assert.deepEqual(errors, []);
      });
    }
  }
});

describe('TypeScript examples in README.md and docs/, compiled as written', () => {
  it('compile with strict settings under moduleResolution bundler and node16', async () => {
    const dir = await installs.typescript;
    const examples = examplesFrom(ROOT);
    assert.ok(examples.length >= 2, 'found the README and docs examples');
    mkdirSync(join(dir, 'examples'), { recursive: true });
    for (const { name, code } of examples) writeFileSync(join(dir, 'examples', name), code);
    for (const config of ['tsconfig.bundler.json', 'tsconfig.node16.json']) {
      await run('npx', ['tsc', '-p', config], { cwd: dir });
    }
  });
});

describe('docs/frameworks.md', () => {
  it('shows the tested consumer files as they are', () => {
    const doc = readFileSync(join(ROOT, 'docs/frameworks.md'), 'utf8');
    for (const file of [
      'next/app/review-card-client.tsx',
      'next/app/page.tsx',
      'next/app/server-import/page.tsx',
      'next/app/cdn/cdn-card.tsx',
      'react/src/App.jsx',
      'eleventy/eleventy.config.js',
      'eleventy/index.njk',
    ]) {
      const text = readFileSync(join(ROOT, 'test/consumers/fixtures', file), 'utf8').trimEnd();
      assert.ok(doc.includes(text), `docs/frameworks.md shows fixtures/${file} as it is`);
    }
  });
});

describe('frameworks', () => {
  it('React 19 (Vite): a card renders and onreview-load fires', async () => {
    const dir = await installs.react;
    await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir });
    copyReview(join(dir, 'dist'));
    const site = await serveStatic(join(dir, 'dist'));
    closers.push(site.close);
    const { page, errors } = await expectRendered(browser, `${site.url}/`, 'review-card', /Ballerina/);
    await page.getByText('Loaded: Ballerina').waitFor();
    await page.close();
    assert.deepEqual(errors, []);
  });

  it('Eleventy: a page with the one-file bundle renders a card', async () => {
    const dir = await installs.eleventy;
    copyReview(dir);
    await run('npx', ['@11ty/eleventy', '--quiet'], { cwd: dir });
    const site = await serveStatic(join(dir, '_site'));
    closers.push(site.close);
    const { page, errors } = await expectRendered(browser, `${site.url}/`, 'review-card', /Ballerina/);
    await page.close();
    assert.deepEqual(errors, []);
  });

  it('Next.js App Router: next build succeeds, and next start serves pages that show a card', async () => {
    const next = await startNextSite();
    // A client component with a per-element entry, server-rendered, then hydrated.
    const home = await expectRendered(browser, `${next.url}/`, 'review-card', /Ballerina/);
    await home.page.getByText('Loaded: Ballerina').waitFor();
    await home.page.close();
    // A client component that imports the one-file bundle.
    const cdn = await expectRendered(browser, `${next.url}/cdn`, 'review-card', /Ballerina/);
    await cdn.page.close();
    assert.deepEqual([...home.errors, ...cdn.errors], []);
    // A server component that imports an element: warned about, and never defined in the browser.
    assert.match(
      next.buildOutput + next.output(),
      /review-elements: an element was imported in a React Server Component/,
    );
    const page = await browser.newPage();
    await page.goto(`${next.url}/server-import`, { waitUntil: 'load' });
    assert.equal(
      await page.evaluate(() => document.querySelector('review-card') !== null && !customElements.get('review-card')),
      true,
    );
    await page.close();
  });
});

describe('server rendering with data from the API (docs/ssr/)', () => {
  /** Served HTML with content; readable with JavaScript off; hydrated without error or request with it on. */
  async function assertRenderedOnServer(url) {
    await assertServedHtml(url);
    await assertReadableWithoutJavaScript(browser, url);
    await assertHydrates(browser, url);
  }

  /** A static site: served first, so the build knows its address (relative image URLs resolve to it). */
  async function buildStatic(dir, out, build) {
    const site = await serveStatic(join(dir, out), api.url);
    closers.push(site.close);
    await build({ ...process.env, REVIEW_API: `${api.url}/v1`, SITE_URL: `${site.url}/` });
    return `${site.url}/`;
  }

  it('Eleventy: shortcodes render the card, the warning and the cast at build time', async () => {
    const dir = await installs['eleventy-ssr'];
    const url = await buildStatic(dir, '_site', (env) => run('npx', ['@11ty/eleventy', '--quiet'], { cwd: dir, env }));
    await assertRenderedOnServer(url);
  });

  it('Astro: a component renders them at build time', async () => {
    const dir = await installs.astro;
    const url = await buildStatic(dir, 'dist', (env) =>
      run('npx', ['astro', 'build', '--silent'], { cwd: dir, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' } }),
    );
    await assertRenderedOnServer(url);
  });

  it('Next.js App Router: a server component renders them per request', async () => {
    const next = await startNextSite();
    await assertRenderedOnServer(`${next.url}/ssr`);
  });
});

describe('docs/ssr/', () => {
  it('shows the tested consumer files as they are', () => {
    const shown = {
      'eleventy.md': [
        'eleventy-ssr/review-html.js',
        'eleventy-ssr/eleventy.config.js',
        'eleventy-ssr/hydrate.js',
        'eleventy-ssr/_data/review.js',
        'eleventy-ssr/index.njk',
      ],
      'astro.md': ['astro/astro.config.mjs', 'astro/src/components/Review.astro', 'astro/src/pages/index.astro'],
      'nextjs.md': [
        'next/next.config.mjs',
        'next/app/ssr/review-html.ts',
        'next/app/ssr/hydrate.tsx',
        'next/app/ssr/page.tsx',
      ],
    };
    for (const [doc, files] of Object.entries(shown)) {
      const text = readFileSync(join(ROOT, 'docs/ssr', doc), 'utf8');
      for (const file of files) {
        const source = readFileSync(join(ROOT, 'test/consumers/fixtures', file), 'utf8').trimEnd();
        assert.ok(text.includes(source), `docs/ssr/${doc} shows fixtures/${file} as it is`);
      }
    }
    // The two static-site helpers are one file.
    assert.equal(
      readFileSync(join(ROOT, 'test/consumers/fixtures/astro/src/review-html.js'), 'utf8'),
      readFileSync(join(ROOT, 'test/consumers/fixtures/eleventy-ssr/review-html.js'), 'utf8'),
    );
  });
});
