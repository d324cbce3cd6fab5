/**
 * Issue #8, "Faults": every element that loads data, against the real reference server, while the
 * proxy in front of it (test/support/review-server.mjs) answers with a 500, hangs, truncates the
 * JSON, sends an HTML page, trickles the body, drops the connection or refuses CORS. Each element
 * shows its error state (the words a reader sees, the names a screen reader gets), nothing
 * uncaught reaches the page, and each recovers once the API is back. A comment being posted
 * survives every fault, a reload included, and is stored exactly once.
 *
 * `hang` and `trickle` fail only at the client's 10 s timeout (DEFAULT_TIMEOUT), so they run
 * together: every element under both faults at once, one wait for all of them.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CommentThread } from '../../src/index.js';
import {
  clearFaults,
  createReview,
  fill,
  form,
  field,
  injectFault,
  loaded,
  postComment,
  root,
  serverComments,
  shown,
  submit,
  type FaultMode,
} from '../support/comments.js';
import { seen, unique } from '../support/helpers.js';

// ---------------------------------------------------------------------------------------------
// Nothing uncaught may reach the page, in any test of this file.

const uncaught: string[] = [];
window.addEventListener('error', (e) => uncaught.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) =>
  uncaught.push(`unhandled rejection: ${String((e.reason as Error)?.stack ?? e.reason)}`),
);

// Which reads are still out, so a test can wait until every request of its elements has failed
// (an element that shows nothing on failure gives no other sign). It only watches: a GET is
// done when it fails or its body has been read (or failed to arrive).
const requests: { url: string; done: boolean }[] = [];
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (method !== 'GET') return realFetch(input, init);
  const entry = { url: input instanceof Request ? input.url : String(input), done: false };
  requests.push(entry);
  try {
    const response = await realFetch(input, init);
    for (const reader of ['text', 'json'] as const) {
      const read = response[reader].bind(response);
      Object.defineProperty(response, reader, {
        value: () => read().finally(() => (entry.done = true)),
      });
    }
    return response;
  } catch (error) {
    entry.done = true;
    throw error;
  }
};
const outstanding = (match: string) => requests.filter((r) => !r.done && r.url.includes(match));

// ---------------------------------------------------------------------------------------------
// The faults, and what a reader is told for each.

type Mode = Extract<FaultMode, 'status-500' | 'hang' | 'truncate' | 'html' | 'trickle' | 'offline' | 'cors'>;

const MESSAGES = {
  'server-error': 'The review service had a problem on its side.',
  timeout: 'The review service took too long to answer.',
  'invalid-response': 'The review data arrived in a form we could not read.',
  network: 'The review service could not be reached. Check your connection, then try again.',
};
const FAULTS: Record<Mode, keyof typeof MESSAGES> = {
  'status-500': 'server-error',
  hang: 'timeout',
  truncate: 'invalid-response',
  html: 'invalid-response',
  trickle: 'timeout',
  offline: 'network',
  cors: 'network',
};
const message = (mode: Mode) => MESSAGES[FAULTS[mode]];
const SLOW: Mode[] = ['hang', 'trickle'];
/** Each group runs at once; the slow ones share one wait for the client's timeout. */
const GROUPS: Mode[][] = [['status-500'], ['truncate'], ['html'], ['offline'], ['cors'], SLOW];
const slow = (group: Mode[]) => group.some((m) => SLOW.includes(m));

/**
 * The API the elements use: the page's own origin, or for `cors` the same proxy under its other
 * name, a different origin (the server allows reads from anywhere, writes from this page).
 */
const CROSS_ORIGIN_API = `http://127.0.0.1:${location.port}/v1`;
const apiFor = (mode: Mode) => (mode === 'cors' ? CROSS_ORIGIN_API : '/v1');

// ---------------------------------------------------------------------------------------------
// Helpers.

/** A review with a cast and a content warning; `open: false` closes its comments. */
const putReview = (id: string, open = true) =>
  createReview({
    id,
    open,
    doc: {
      rating: { value: 4, best: 5 },
      work: { title: `Work ${id}`, type: 'movie', year: 2025 },
      cast: [
        { name: 'Ana Lima', character: 'The Pilot', order: 1 },
        { name: 'Bo Chen', character: 'The Engineer', order: 2 },
      ],
      contentWarnings: [{ topic: 'violence', severity: 'high' }],
    },
  });

/** The same, with one comment. */
async function putReviewWithComment(id: string) {
  await putReview(id);
  await postComment(id, `The first word on ${id}`, { name: 'Mia' });
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** Presses a button with the keyboard, as a keyboard user would. */
async function pressEnter(button: HTMLElement) {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}
function axAll(node: AxNode | undefined, test: (n: AxNode) => boolean, out: AxNode[] = []): AxNode[] {
  if (!node) return out;
  if (test(node)) out.push(node);
  for (const child of node.children ?? []) axAll(child, test, out);
  return out;
}
/** The accessibility tree of the page region with that name (each cell is a named <section>). */
async function axRegion(name: string): Promise<AxNode> {
  const tree = (await a11ySnapshot({})) as unknown as AxNode;
  const [region] = axAll(tree, (n) => n.role === 'region' && n.name === name);
  expect(region, `no region "${name}" in the accessibility tree`).to.exist;
  return region;
}
const axHas = (node: AxNode, role: string, name: string) =>
  axAll(node, (n) => n.role === role && n.name === name).length > 0;
const axText = (node: AxNode) =>
  axAll(node, (n) => Boolean(n.name))
    .map((n) => n.name)
    .join(' ');

// ---------------------------------------------------------------------------------------------
// The elements: each cell of the matrix mounts one configuration in a section of its own.

interface Mounted {
  mode: Mode;
  api: string;
  /** Every review id of this mode is `${scope}-something`; `${scope}-` is the fault's `match`. */
  scope: string;
  sections: Map<string, HTMLElement>;
  /** `review-error` events each element fired itself. */
  errors: Map<Element, Error>;
}

interface Cell {
  name: string;
  /** The markup of the cell, for review ids starting with `scope`. */
  markup: (api: string, scope: string) => string;
  /** True once the cell has settled into its error state (its requests have failed). */
  failed: (section: HTMLElement, m: Mounted) => boolean;
  /** Asserts what the reader and the screen reader get while the API fails. */
  error: (section: HTMLElement, m: Mounted) => Promise<void>;
  /** How it comes back, in words (the test's name). */
  how: string | ((mode: Mode) => string);
  /** Brings it back the way the element supports, and asserts what it shows then. */
  recover: (section: HTMLElement, m: Mounted) => Promise<void>;
}

const SECRET = 'What happens in the last scene.';
const label = (mode: Mode, cell: string) => `${cell} under ${mode}`;
const the = <T extends Element = HTMLElement>(section: HTMLElement, selector: string) =>
  section.querySelector<T & HTMLElement>(selector)!;

/** The shared error box of review-card, cast-list and comment-thread. */
async function errorBox(el: Element, title: string, mode: Mode, region: AxNode) {
  expect(el.matches(':state(error)'), `${el.localName} :state(error)`).to.equal(true);
  expect(seen(part(el, 'error-title'))).to.equal(title);
  expect(seen(part(el, 'error-message'))).to.equal(message(mode));
  const retry = part(el, 'retry-button')!;
  expect(retry.localName).to.equal('button');
  expect(seen(retry)).to.equal('Try again');
  expect(retry.getAttribute('aria-disabled')).to.equal('false');
  expect(axHas(region, 'button', 'Try again'), 'Retry is a button named "Try again"').to.equal(true);
  expect(axText(region)).to.contain(title).and.to.contain(message(mode));
}

async function cardError(card: Element, mode: Mode, region: AxNode) {
  await errorBox(card, 'This review could not be shown', mode, region);
  // The card is an article named for its state, and the message is also said in a polite status.
  expect(part(card, 'base')!.getAttribute('aria-label')).to.equal('This review could not be shown');
  expect(part(card, 'base')!.getAttribute('aria-busy')).to.equal('false');
  expect(seen(card.shadowRoot!.querySelector('[role="status"]'))).to.equal(message(mode));
  expect(
    axAll(region, (n) => n.role === 'status' && axText(n).includes(message(mode))),
    'a status says what went wrong',
  ).not.to.be.empty;
}

async function cardLoaded(card: Element, id: string) {
  // Wait for the title's text, not for the part: the skeleton has a title part too (empty), and
  // on a busy machine the check would read it before the data arrived.
  await waitUntil(() => seen(part(card, 'title')) === `Work ${id}`, `${id}: the card did not load`, { timeout: 5000 });
  expect(part(card, 'base')!.getAttribute('aria-label')).to.equal(`Review of Work ${id}`);
  expect(part(card, 'retry-button')).to.equal(null);
  expect(card.matches(':state(error)')).to.equal(false);
}

async function castError(cast: Element, mode: Mode, region: AxNode) {
  await errorBox(cast, 'The cast could not be shown', mode, region);
  expect(part(cast, 'list')).to.equal(null);
}

async function castLoaded(cast: Element) {
  await waitUntil(() => parts(cast, 'member').length === 2, 'the cast did not load', { timeout: 5000 });
  expect(parts(cast, 'member').map((m) => m.getAttribute('aria-label'))).to.deep.equal([
    'Ana Lima as The Pilot',
    'Bo Chen as The Engineer',
  ]);
}

/** Fail closed: the notice stands in for the content, which is hidden, inert and unread. */
async function warningConcealed(cw: Element, region: AxNode) {
  expect(cw.matches(':state(concealed)')).to.equal(true);
  const content = part(cw, 'content')!;
  expect(content.hidden, 'the content is hidden').to.equal(true);
  expect(content.inert, 'the content is inert').to.equal(true);
  expect(content.getAttribute('aria-hidden')).to.equal('true');
  expect(cw.querySelector('p')!.getBoundingClientRect().height, 'the content takes no space').to.equal(0);
  expect(axText(region)).not.to.contain(SECRET);
  expect(axHas(region, 'region', 'Content warning')).to.equal(true);
}

async function warningError(cw: Element, region: AxNode) {
  await warningConcealed(cw, region);
  // The review's topics are unknown: it says so, in general words, and still lets the reader choose.
  // And, as on every warning, the way to the reader's own settings.
  expect(seen(part(cw, 'notice'))).to.equal(
    'Content warning The content below may discuss topics some readers find distressing. Show content Warning settings',
  );
  expect(part(cw, 'topics')).to.equal(null);
  expect(axHas(region, 'button', 'Show content')).to.equal(true);
}

async function warningLoaded(cw: Element, timeout = 5000) {
  await waitUntil(() => seen(part(cw, 'topics')) === 'Violence (severe)', 'the warning did not get its topics', {
    timeout,
  });
  expect(part(cw, 'content')!.hidden).to.equal(true);
}

async function countNothing(count: Element, region: AxNode) {
  // A count it cannot get is left out: no text, nothing in the accessibility tree.
  expect(count.matches(':state(loading)')).to.equal(true);
  expect(part(count, 'base')).to.equal(null);
  expect(seen(count)).to.equal('');
  expect(axText(region)).to.equal(region.name);
}

async function countLoaded(count: Element, timeout = 5000) {
  await waitUntil(() => seen(part(count, 'base')) === '1 comment', 'the count did not load', { timeout });
}

/**
 * How long an element without a Retry may take to recover by itself. Usually one request after
 * `online`; but under `hang` an automatic retry may already be hanging when the API comes back
 * (a real hung request is not answered later either), so the client's 10 s timeout and the next
 * backoff (up to 8 s) come first.
 */
function recoveryTime(mode: Mode): number {
  return mode === 'hang' ? 25_000 : 12_000;
}

async function threadError(thread: Element, mode: Mode, region: AxNode) {
  await errorBox(thread, 'The comments could not be shown', mode, region);
  expect(axHas(region, 'region', 'Comments')).to.equal(true);
  expect(part(thread, 'comments')).to.equal(null);
  expect(part(thread, 'base')!.getAttribute('aria-busy')).to.equal('false');
}

async function threadLoaded(thread: CommentThread, id: string) {
  await waitUntil(() => shown(thread).length === 1, 'the comments did not load', { timeout: 5000 });
  expect(shown(thread)).to.deep.equal([['Mia', `The first word on ${id}`]]);
  expect(seen(part(thread, 'heading'))).to.equal('Comments (1)');
  expect(part(thread, 'retry-button')).to.equal(null);
}

/** A fresh element in place of the old one: what a page reload gives. */
function reloadElement(section: HTMLElement, selector: string, markup: string) {
  const fresh = document.createElement('div');
  fresh.innerHTML = markup;
  the(section, selector).replaceWith(fresh.firstElementChild!);
}

const hasRetry = (section: HTMLElement, selector: string) => Boolean(part(the(section, selector), 'retry-button'));

const CELLS: Cell[] = [
  {
    name: 'review-card',
    markup: (api, scope) => `<review-card api="${api}" review="${scope}-card"></review-card>`,
    failed: (section) => hasRetry(section, 'review-card'),
    error: async (section, m) =>
      cardError(the(section, 'review-card'), m.mode, await axRegion(label(m.mode, 'review-card'))),
    how: 'Retry, pressed with the keyboard, loads it and moves focus to its title',
    recover: async (section, m) => {
      const card = the(section, 'review-card');
      await pressEnter(part(card, 'retry-button')!);
      await cardLoaded(card, `${m.scope}-card`);
      expect(card.shadowRoot!.activeElement).to.equal(part(card, 'title'));
    },
  },
  {
    name: 'cast-list',
    markup: (api, scope) => `<cast-list api="${api}" review="${scope}-cast"></cast-list>`,
    failed: (section) => hasRetry(section, 'cast-list'),
    error: async (section, m) =>
      castError(the(section, 'cast-list'), m.mode, await axRegion(label(m.mode, 'cast-list'))),
    how: 'Retry, clicked, loads the cast',
    recover: async (section) => {
      const cast = the(section, 'cast-list');
      part(cast, 'retry-button')!.click();
      await castLoaded(cast);
    },
  },
  {
    name: 'content-warning from-review',
    markup: (api, scope) =>
      `<content-warning from-review api="${api}" review="${scope}-cw"><p>${SECRET}</p></content-warning>`,
    failed: (section, m) => m.errors.has(the(section, 'content-warning')),
    error: async (section, m) =>
      warningError(the(section, 'content-warning'), await axRegion(label(m.mode, 'content-warning from-review'))),
    // It has no Retry: it asks again by itself, at once when the browser says it is back online.
    how: 'has no Retry, and loads the topics by itself once the browser is back online',
    recover: async (section, m) => {
      const cw = the(section, 'content-warning');
      window.dispatchEvent(new Event('online'));
      await warningLoaded(cw, recoveryTime(m.mode));
    },
  },
  {
    name: 'comment-count',
    markup: (api, scope) => `<comment-count api="${api}" review="${scope}-count"></comment-count>`,
    failed: (_section, m) => outstanding(`${m.scope}-count`).length === 0,
    error: async (section, m) =>
      countNothing(the(section, 'comment-count'), await axRegion(label(m.mode, 'comment-count'))),
    how: 'has no Retry, and shows the count by itself once the browser is back online',
    recover: async (section, m) => {
      window.dispatchEvent(new Event('online'));
      await countLoaded(the(section, 'comment-count'), recoveryTime(m.mode));
    },
  },
  {
    name: 'comment-thread',
    markup: (api, scope) => `<comment-thread api="${api}" review="${scope}-thread"></comment-thread>`,
    failed: (section) => hasRetry(section, 'comment-thread'),
    error: async (section, m) =>
      threadError(the(section, 'comment-thread'), m.mode, await axRegion(label(m.mode, 'comment-thread'))),
    how: 'Retry, clicked, loads the comments',
    recover: async (section, m) => {
      const thread = the<CommentThread>(section, 'comment-thread');
      part(thread, 'retry-button')!.click();
      await threadLoaded(thread, `${m.scope}-thread`);
    },
  },
  {
    name: 'review-source',
    markup: (api, scope) => `<review-source api="${api}" review="${scope}-source">
        <review-card></review-card>
        <cast-list></cast-list>
        <content-warning from-review><p>${SECRET}</p></content-warning>
        <comment-count></comment-count>
        <comment-thread></comment-thread>
      </review-source>`,
    failed: (section, m) =>
      hasRetry(section, 'review-card') &&
      hasRetry(section, 'cast-list') &&
      hasRetry(section, 'comment-thread') &&
      m.errors.has(the(section, 'content-warning')),
    error: async (section, m) => {
      const region = await axRegion(label(m.mode, 'review-source'));
      // Each element inside shows the source's failure in its own way.
      await cardError(the(section, 'review-card'), m.mode, region);
      await castError(the(section, 'cast-list'), m.mode, region);
      await warningError(the(section, 'content-warning'), region);
      expect(part(the(section, 'comment-count'), 'base')).to.equal(null);
      await threadError(the(section, 'comment-thread'), m.mode, region);
      expect(axAll(region, (n) => n.role === 'button' && n.name === 'Try again')).to.have.length(3);
    },
    how: "the cast's Retry (keyboard) reloads the source for the card, cast, warning and count; the thread's Retry loads the comments",
    recover: async (section, m) => {
      const id = `${m.scope}-source`;
      await pressEnter(part(the(section, 'cast-list'), 'retry-button')!);
      await castLoaded(the(section, 'cast-list'));
      await cardLoaded(the(section, 'review-card'), id);
      await warningLoaded(the(section, 'content-warning'));
      await countLoaded(the(section, 'comment-count'));
      // The thread asks for its comments itself: its own Retry brings them.
      const thread = the<CommentThread>(section, 'comment-thread');
      expect(part(thread, 'retry-button')).to.exist;
      part(thread, 'retry-button')!.click();
      await threadLoaded(thread, id);
    },
  },
];

const ID_SUFFIX: Record<string, string> = {
  'review-card': 'card',
  'cast-list': 'cast',
  'content-warning from-review': 'cw',
  'comment-count': 'count',
  'comment-thread': 'thread',
  'review-source': 'source',
};

// ---------------------------------------------------------------------------------------------

describe('faults (issue #8)', () => {
  // web-test-runner itself only logs an unhandled rejection; here it fails the test it happened in.
  afterEach(() => expect(uncaught, 'uncaught errors or unhandled rejections on the page').to.deep.equal([]));
  after(async () => {
    // Late ones too: every request of the file has settled by now.
    await waitUntil(() => requests.every((r) => r.done || !r.url.includes('/v1/')), 'requests still out', {
      timeout: 5000,
    });
    expect(uncaught).to.deep.equal([]);
  });

  describe('every element that loads data, under every fault', () => {
    for (const group of GROUPS) {
      describe(group.join(' and '), function () {
        const mounted = new Map<Mode, Mounted>();
        const container = document.createElement('div');

        before(async function () {
          this.timeout(slow(group) ? 30_000 : 15_000);
          // Reviews and faults first: once a hang holds the browser's connections, nothing else goes out.
          for (const mode of group) {
            const scope = unique(`f-${mode}`);
            await Promise.all(CELLS.map((cell) => putReviewWithComment(`${scope}-${ID_SUFFIX[cell.name]}`)));
            mounted.set(mode, { mode, api: apiFor(mode), scope, sections: new Map(), errors: new Map() });
          }
          for (const m of mounted.values()) await injectFault(`${m.scope}-`, m.mode, { untilCleared: true });
          document.body.append(container);
          for (const m of mounted.values()) {
            for (const cell of CELLS) {
              const section = document.createElement('section');
              section.setAttribute('aria-label', label(m.mode, cell.name));
              section.innerHTML = cell.markup(m.api, m.scope);
              section.addEventListener('review-error', (e) => {
                if (e.target instanceof Element) m.errors.set(e.target, e.error);
              });
              container.append(section);
              m.sections.set(cell.name, section);
            }
          }
          await waitUntil(
            () =>
              [...mounted.values()].every(
                (m) =>
                  outstanding(`${m.scope}-`).length === 0 &&
                  CELLS.every((cell) => cell.failed(m.sections.get(cell.name)!, m)),
              ),
            'not every element failed',
            { timeout: slow(group) ? 25_000 : 10_000, interval: 100 },
          );
        });

        after(async () => {
          container.remove();
          for (const m of mounted.values()) await clearFaults(`${m.scope}-`);
        });

        for (const mode of group) {
          for (const cell of CELLS) {
            it(`${mode} × ${cell.name}: shows its error state`, async () => {
              const m = mounted.get(mode)!;
              await cell.error(m.sections.get(cell.name)!, m);
            });
          }
          it(`${mode}: each element that reads the review fired review-error with code ${FAULTS[mode]}, and each passes axe`, async () => {
            const m = mounted.get(mode)!;
            // Standalone: card, cast, warning, thread (its review); in the source: the source and its
            // card, cast, warning and thread. (comment-count fires none.)
            const fired = [...m.errors.entries()].map(
              ([el, e]) => `${el.parentElement!.localName} > ${el.localName}: ${(e as { code?: string }).code}`,
            );
            const code = FAULTS[mode];
            const expected = [
              'section > review-card',
              'section > cast-list',
              'section > content-warning',
              'section > comment-thread',
              'section > review-source',
              'review-source > review-card',
              'review-source > cast-list',
              'review-source > content-warning',
              'review-source > comment-thread',
            ];
            expect(fired.sort()).to.deep.equal(expected.map((who) => `${who}: ${code}`).sort());
            // One element at a time: side by side, their landmarks ("Comments", "Content warning") repeat.
            for (const section of m.sections.values()) await expect(section).to.be.accessible();
          });
        }

        describe('when the API comes back', () => {
          before(async () => {
            for (const m of mounted.values()) await clearFaults(`${m.scope}-`);
          });
          for (const mode of group) {
            for (const cell of CELLS) {
              it(`${mode} × ${cell.name}: ${typeof cell.how === 'string' ? cell.how : cell.how(mode)}`, async function () {
                // Recovery may wait for a hung request's timeout and a backoff: the test outlives it.
                this.timeout(recoveryTime(mode) + 8_000);
                const m = mounted.get(mode)!;
                await cell.recover(m.sections.get(cell.name)!, m);
              });
            }
          }
        });
      });
    }
  });

  describe('recovering without a Retry button, and after a cut-off answer', () => {
    let section: HTMLElement;
    beforeEach(() => {
      section = document.createElement('section');
      document.body.append(section);
    });
    afterEach(async () => {
      section.remove();
      await clearFaults();
    });

    it('content-warning and comment-count ask again by themselves on a timer, with no sign from the browser', async function () {
      this.timeout(20_000);
      const id = unique('f-timer');
      await putReviewWithComment(id);
      await injectFault(`${id}`, 'status-500', { untilCleared: true });
      const errors: Error[] = [];
      section.addEventListener('review-error', (e) => errors.push(e.error));
      section.innerHTML = `<content-warning from-review api="/v1" review="${id}"><p>${SECRET}</p></content-warning><comment-count api="/v1" review="${id}"></comment-count>`;
      await waitUntil(() => errors.length > 0 && outstanding(id).length === 0, 'the warning did not fail', {
        timeout: 5000,
      });
      expect(part(the(section, 'comment-count'), 'base')).to.equal(null);
      await clearFaults(id);
      // The first retry comes 2 s after the first failure, the next 4 s after that.
      await warningLoaded(the(section, 'content-warning'), 9000);
      await countLoaded(the(section, 'comment-count'), 9000);
    });

    it('a comment-count taken out and put back after a failure asks again', async () => {
      const id = unique('f-reattach');
      await putReviewWithComment(id);
      await injectFault(`${id}`, 'status-500', { untilCleared: true });
      section.innerHTML = `<comment-count api="/v1" review="${id}"></comment-count>`;
      const count = the(section, 'comment-count');
      await waitUntil(
        () => requests.some((r) => r.url.includes(id)) && outstanding(id).length === 0,
        'the count did not ask',
        { timeout: 5000 },
      );
      await clearFaults(id);
      count.remove();
      section.append(count);
      await countLoaded(count, 1500);
    });

    it('a new element after a cut-off answer reads the review from the server, not the cached cut-off copy', async () => {
      const id = unique('f-fresh');
      await putReviewWithComment(id);
      await injectFault(`${id}`, 'truncate', { untilCleared: true });
      const errors: Error[] = [];
      section.addEventListener('review-error', (e) => errors.push(e.error));
      section.innerHTML = `<review-card api="/v1" review="${id}"></review-card>`;
      await waitUntil(() => errors.length === 1, 'the card did not fail', { timeout: 5000 });
      expect((errors[0] as { code?: string }).code).to.equal('invalid-response');
      await clearFaults(id);
      // The review said max-age=300, and the browser kept the cut body; the client knows it failed.
      reloadElement(section, 'review-card', `<review-card api="/v1" review="${id}"></review-card>`);
      await cardLoaded(the(section, 'review-card'), id);
    });

    it("the thread's Retry also loads a review that failed, so a closed thread says it is closed", async () => {
      const id = unique('f-closed');
      await putReviewWithComment(id);
      await putReview(id, false);
      await injectFault(`${id}`, 'status-500', { untilCleared: true });
      section.innerHTML = `<comment-thread api="/v1" review="${id}"></comment-thread>`;
      const thread = the<CommentThread>(section, 'comment-thread');
      await waitUntil(() => part(thread, 'retry-button'), 'the thread did not fail', { timeout: 5000 });
      await clearFaults(id);
      part(thread, 'retry-button')!.click();
      await waitUntil(() => part(thread, 'closed'), 'the thread does not say comments are closed', { timeout: 5000 });
      expect(seen(part(thread, 'closed'))).to.equal('Comments are closed.');
      expect(thread.shadowRoot!.querySelector('review-comment-form')).to.equal(null);
      // The comments come in their own request, which may answer after the review's.
      await waitUntil(() => shown(thread).length > 0, 'the comments did not load', { timeout: 5000 });
      expect(shown(thread)).to.deep.equal([['Mia', `The first word on ${id}`]]);
    });
  });

  describe('a comment being posted survives every fault', () => {
    const status = (el: CommentThread) => seen(root(el).querySelector('[role="status"]'));
    /** The reader's own comment not yet confirmed by the server (from the outbox). */
    const article = (el: CommentThread, body: string) =>
      [...root(el).querySelectorAll<HTMLElement>('article[id^="c-local-"]')].find(
        (a) => seen(a.querySelector('[part~="comment-body"]')) === body,
      );
    const outbox = () =>
      Object.keys(localStorage)
        .filter((k) => k.includes('comments:outbox:'))
        .map((k) => localStorage.getItem(k))
        .join('\n');

    async function mountThread(section: HTMLElement, api: string, id: string): Promise<CommentThread> {
      section.innerHTML = `<comment-thread api="${api}" review="${id}"></comment-thread>`;
      const thread = section.querySelector('comment-thread')!;
      await loaded(thread);
      return thread;
    }

    /**
     * What the reader is told: "Not posted." when the server said no; when no usable answer came
     * back, that it may have been posted, and that trying again is safe.
     */
    const postText = (mode: Mode) =>
      FAULTS[mode] === 'server-error'
        ? `Not posted. ${message(mode)}`
        : 'Not confirmed: it may have been posted already. Trying again will not post it twice.';

    /** The words are on the page, not posted, with a Retry; and in the thread's outbox. */
    async function failedWithRetry(thread: CommentThread, mode: Mode, body: string) {
      const a = article(thread, body)!;
      expect(seen(a.querySelector('[part~="author"]'))).to.equal('Ana');
      expect(seen(a)).to.contain(postText(mode));
      const retry = a.querySelector<HTMLButtonElement>('[part~="retry-post"]')!;
      expect(seen(retry)).to.equal('Try again');
      expect(a.getAttribute('aria-label')).to.equal('Ana');
      expect(outbox()).to.contain(JSON.stringify(body));
    }

    for (const group of GROUPS) {
      describe(group.join(' and '), function () {
        const runs = new Map<
          Mode,
          { id: string; api: string; body: string; section: HTMLElement; thread: CommentThread }
        >();
        const container = document.createElement('div');

        before(async function () {
          this.timeout(15_000);
          document.body.append(container);
          const ids = await Promise.all(group.map(() => createReview()));
          for (const [i, mode] of group.entries()) {
            await injectFault(`/reviews/${ids[i]}/comments`, mode, { method: 'POST', untilCleared: true });
          }
          for (const [i, mode] of group.entries()) {
            const section = document.createElement('section');
            section.setAttribute('aria-label', `draft under ${mode}`);
            container.append(section);
            const thread = await mountThread(section, apiFor(mode), ids[i]);
            const body = `My words under ${mode}, ${ids[i]}`;
            await fill(form(thread), { name: 'Ana', body });
            submit(form(thread));
            await thread.updateComplete;
            runs.set(mode, { id: ids[i], api: apiFor(mode), body, section, thread });
          }
        });

        after(async () => {
          container.remove();
          for (const run of runs.values()) await clearFaults(`/reviews/${run.id}/comments`);
        });

        for (const mode of group) {
          it(`${mode}: the words stay on the page, not posted, with Retry`, async function () {
            this.timeout(slow(group) ? 20_000 : 5_000);
            const { thread, body } = runs.get(mode)!;
            // At once, the comment shows as being sent, with the reader's words.
            expect(article(thread, body), 'the words left the page').to.exist;
            await waitUntil(
              () => article(thread, body)?.querySelector('[part~="retry-post"]'),
              'no Retry on the failed post',
              {
                timeout: slow(group) ? 15_000 : 4_000,
              },
            );
            await failedWithRetry(thread, mode, body);
            expect(status(thread)).to.equal(postText(mode));
            // The form is free for the next comment; the words are in the failed one.
            expect(field(form(thread), 'body').value).to.equal('');
            expect(field(form(thread), 'name').value).to.equal('Ana');
          });

          it(`${mode}: the words are still there after a reload`, async function () {
            this.timeout(slow(group) ? 20_000 : 5_000);
            const run = runs.get(mode)!;
            run.thread = await mountThread(run.section, run.api, run.id);
            // The outbox brings the comment back and sends it again, with the same Idempotency-Key.
            await waitUntil(() => article(run.thread, run.body), 'the words were lost in the reload');
            expect(seen(article(run.thread, run.body)!.querySelector('[part~="author"]'))).to.equal('Ana');
            if (!slow(group)) {
              // The fault is still there: the resend fails too, and says so.
              await waitUntil(
                () => article(run.thread, run.body)?.querySelector('[part~="retry-post"]'),
                'no Retry after the reload',
                { timeout: 4_000 },
              );
              await failedWithRetry(run.thread, mode, run.body);
            } else {
              // The resend is still waiting for the (hanging or trickling) answer.
              expect(seen(article(run.thread, run.body))).to.contain('Sending…');
              expect(outbox()).to.contain(JSON.stringify(run.body));
            }
          });

          it(`${mode}: once the API is back, Retry stores it exactly once`, async function () {
            this.timeout(slow(group) ? 20_000 : 8_000);
            const { id, thread, body } = runs.get(mode)!;
            await clearFaults(`/reviews/${id}/comments`);
            // A slow resend still out is cut off by the server coming back: it fails (or the
            // browser itself sends it again); either way the reader can go on.
            await waitUntil(
              () =>
                status(thread) === 'Your comment was posted.' ||
                article(thread, body)?.querySelector('[part~="retry-post"]'),
              'neither posted nor offering Retry',
              { timeout: 15_000 },
            );
            const retry = article(thread, body)?.querySelector<HTMLButtonElement>('[part~="retry-post"]');
            if (retry) await pressEnter(retry);
            await waitUntil(() => status(thread) === 'Your comment was posted.', 'the retry did not post', {
              timeout: 6_000,
            });
            expect(shown(thread)).to.deep.equal([['Ana', body]]);
            expect(seen(part(thread, 'heading'))).to.equal('Comments (1)');
            expect((await serverComments(id)).items.map((c) => c.body)).to.deep.equal([body]);
            expect(outbox()).not.to.contain(JSON.stringify(body));
            // And it is the reader's own: the answer carried its edit token.
            const posted = [...root(thread).querySelectorAll('article[part~="comment"]')].find(
              (a) => seen(a.querySelector('[part~="comment-body"]')) === body,
            );
            await waitUntil(() => posted?.querySelector('[data-action="edit"]'), 'not editable by its author');
          });
        }
      });
    }
  });
});
