import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fixtureApi } from './test/support/fixture-api.mjs';
import { freePort, proxyTo, startReviewServer } from './test/support/review-server.mjs';

// Dates in tests are written for one zone: pin it for the browser (which inherits this process's
// environment) whatever the machine's zone is, so a run west of UTC−9 reads the same days.
process.env.TZ = 'UTC';

/** The time zone of every test page (see createPage). */
export const TIME_ZONE = 'UTC';

// Debian's chromium by default; CHROME_PATH points elsewhere (nothing here downloads a browser).
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// The test pages' port, chosen here rather than by the runner: the servers must know the pages'
// origin (http://localhost:<port>) to let them write through http://127.0.0.1:<port>/v1/, the
// same proxy under another origin (the cross-origin fault tests).
const port = await freePort();
const ALLOWED_ORIGINS = `http://localhost:${port}`;

// The real reference server (built by `npm test` before this runs), behind the tests' origin,
// and a second one holding new comments for moderation.
const [reviewServer, moderatedServer] = await Promise.all([
  startReviewServer({ ALLOWED_ORIGINS }),
  startReviewServer({ MODERATION: 'pre', ALLOWED_ORIGINS }),
]);

/**
 * The JSON catalogues (src/shared/i18n/*.json, src/admin/i18n/*.json) as the modules the bundlers
 * make of them. Only those: other JSON (demo data, the manifest) is fetched as JSON by tests.
 */
const CATALOGUE = /^\/src\/(shared|admin)\/i18n\/[\w-]+\.json$/;
const jsonCatalogues = {
  name: 'json-catalogues',
  resolveMimeType: (context) => (CATALOGUE.test(context.path) ? 'js' : undefined),
  transform: (context) => (CATALOGUE.test(context.path) ? `export default ${context.body};` : undefined),
};

export default {
  files: ['test/**/*.test.ts'],
  port,
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 2,
  // Tests run lit's development build, which warns about misuse; only its one-line notice that it
  // is the development build is dropped, so any real warning still shows in the output.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    jsonCatalogues,
    a11ySnapshotPlugin(),
  ],
  middleware: [
    // /slow-dist/… is /dist/… answered 300 ms late, so a test can tell one round of requests from
    // a waterfall (each round would add 300 ms) whatever the machine's speed; /slow/… is any file
    // answered as late (a review that takes its time, for what an element shows meanwhile).
    async (context, next) => {
      const slow = /^\/slow(-dist)?\//.exec(context.path);
      if (!slow) return next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      context.url = context.url.replace(slow[0], slow[1] ? '/dist/' : '/');
      return next();
    },
    fixtureApi(),
    proxyTo({
      '/v1/': [reviewServer.url, ''],
      '/data/': [reviewServer.url, ''],
      '/moderated/': [moderatedServer.url, '/moderated'],
    }),
  ],
  browsers: [
    chromeLauncher({
      // Each test page in a browser context (a window) of its own: in one shared window only the
      // front tab gets animation frames, and fixtures of concurrent files would wait forever.
      // Every page in UTC, whatever the machine's zone: tests assert dates ("March 1, 2025"), and a
      // reader in Anchorage or Kiritimati sees another day for the same instant.
      createPage: async ({ browser }) => {
        const page = await (await browser.createBrowserContext()).newPage();
        await page.emulateTimezone(TIME_ZONE);
        return page;
      },
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          // Pages of concurrent test files share one browser; a page in the background must keep
          // running requestAnimationFrame and timers at full speed, or fixtures wait forever.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
