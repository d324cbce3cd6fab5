import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CommentThread } from '../../src/index.js';
import { createReview, form, injectFault, loaded, postComment, root, shown } from '../support/comments.js';
import { seen } from '../support/helpers.js';

async function thread(template: ReturnType<typeof html>): Promise<CommentThread> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 720px">${template}</div>`);
  const el = wrapper.querySelector('comment-thread')!;
  await loaded(el);
  // The form (or "closed") follows the review, which may answer after the comments on a busy
  // machine: a test that types into the form waits for it here, not by luck.
  if (!el.matches(':state(error)')) {
    await waitUntil(() => root(el).querySelector('review-comment-form, [part~="closed"]'), 'the form did not appear', {
      timeout: 5000,
    });
  }
  return el;
}
const article = (el: CommentThread, body: string) =>
  [...root(el).querySelectorAll<HTMLElement>('article[part~="comment"]')].find((a) =>
    seen(a.querySelector('[part~="comment-body"]')).includes(body),
  )!;

describe('<comment-thread>', () => {
  beforeEach(() => localStorage.clear());

  describe('reading', () => {
    it('shows the seeded thread with nesting, counts and relative times', async () => {
      const el = await thread(html`<comment-thread api="/v1" review="ballerina"></comment-thread>`);
      expect(seen(root(el).querySelector('[part~="heading"]'))).to.match(/^Comments \(\d+\)$/);
      const top = [...root(el).querySelectorAll('[part~="comments"] > li > article')].map((a) =>
        seen(a.querySelector('[part~="author"]')),
      );
      expect(top.slice(0, 3)).to.deep.equal(['Hyejin', 'Tomás', 'Min']);
      const reply = article(el, 'exactly why');
      expect(reply.closest('ul')!.classList.contains('replies')).to.equal(true);
      const time = root(el).querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2024-10-21T12:14:00Z');
      expect(time.title).to.contain('2024');
      expect(seen(time)).to.match(/ago$/);
      await expect(el).to.be.accessible();
    });

    it('renders the markdown subset as text and elements, never as HTML', async () => {
      const id = await createReview();
      await postComment(
        id,
        '**bold** and *italic* and `code`\nline two\n\n> a quote\n\nsee https://example.com/a_(b). and [docs](https://example.org) and [bad](javascript:alert(1))',
      );
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const body = root(el).querySelector('[part~="comment-body"]')!;
      expect(seen(body.querySelector('strong'))).to.equal('bold');
      expect(seen(body.querySelector('em'))).to.equal('italic');
      expect(seen(body.querySelector('code'))).to.equal('code');
      expect(body.querySelector('br')).to.exist;
      expect(seen(body.querySelector('blockquote'))).to.equal('a quote');
      const links = [...body.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://example.com/a_(b)',
        'https://example.org/',
      ]);
      expect(links.every((a) => a.rel === 'nofollow ugc noopener')).to.equal(true);
      expect(seen(body)).to.contain('[bad](javascript:alert(1))');
    });

    it('collapses a spoiler comment and hides inline spoilers until asked', async () => {
      const id = await createReview();
      await postComment(id, 'The whole thing', { spoiler: true });
      await postComment(id, 'The end: ||she wins||.');
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      const button = [...root(el).querySelectorAll('button')].find((b) => seen(b).startsWith('Contains spoilers'))!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(seen(root(el).querySelector('[part~="comments"]'))).not.to.contain('The whole thing');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => seen(root(el).querySelector('[part~="comments"]')).includes('The whole thing'));
      const inline = root(el).querySelector<HTMLButtonElement>('button.spoiler')!;
      expect(seen(inline)).to.equal('Spoiler: show');
      expect(seen(root(el).querySelector('[part~="comments"]'))).not.to.contain('she wins');
      inline.click();
      await waitUntil(() => root(el).querySelector('.spoiler.revealed'));
      expect(seen(root(el).querySelector('.spoiler.revealed'))).to.equal('she wins');
      expect(root(el).activeElement).to.equal(root(el).querySelector('.spoiler.revealed'));
      await expect(el).to.be.accessible();
    });

    it('sorts with a labelled control', async () => {
      const id = await createReview();
      for (const body of ['first', 'second', 'third']) await postComment(id, body);
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      expect(shown(el).map(([, b]) => b)).to.deep.equal(['first', 'second', 'third']);
      const select = root(el).querySelector('select')!;
      expect(seen(select.closest('label'))).to.contain('Sort comments');
      select.value = 'newest';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => shown(el)[0]?.[1] === 'third', 'did not re-sort');
      expect(el.sort).to.equal('newest');
    });

    it('pages with "Load more comments" and moves focus to the first new comment', async () => {
      const id = await createReview();
      for (let i = 1; i <= 5; i++) await postComment(id, `c${i}`);
      const el = await thread(html`<comment-thread api="/v1" review=${id} page-size="2"></comment-thread>`);
      expect(shown(el).map(([, b]) => b)).to.deep.equal(['c1', 'c2']);
      const more = root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!;
      more.click();
      await waitUntil(() => shown(el).length === 4);
      expect(root(el).activeElement).to.equal(article(el, 'c3'));
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => shown(el).length === 5);
      expect(root(el).querySelector('[part~="load-more"]')).to.equal(null);
    });

    it('drops a "Load more" of the old sort when the sort changes during it (no race)', async () => {
      const id = await createReview();
      for (let i = 1; i <= 5; i++) await postComment(id, `c${i}`);
      const el = await thread(html`<comment-thread api="/v1" review=${id} page-size="2"></comment-thread>`);
      // Hold the "Load more" request (the one with a cursor) until the new sort's page is shown.
      const original = globalThis.fetch;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      let settled = false;
      globalThis.fetch = async (input, init) => {
        if (!String(input instanceof Request ? input.url : input).includes('cursor=')) return original(input, init);
        asked = true;
        try {
          await held;
          const res = await original(input, init);
          // Read here, so the client's own read takes no network time after `settled`.
          return new Response(await res.text(), { status: res.status, headers: res.headers });
        } finally {
          settled = true;
        }
      };
      try {
        root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
        await waitUntil(() => asked, 'Load more did not ask');
        const select = root(el).querySelector('select')!;
        select.value = 'newest';
        select.dispatchEvent(new Event('change'));
        await waitUntil(() => shown(el)[0]?.[1] === 'c5', 'did not re-sort');
        release();
        await waitUntil(() => settled);
        // Let the old answer's handling (a few microtasks and an update) run its course.
        await new Promise((r) => setTimeout(r, 0));
        await el.updateComplete;
        expect(shown(el).map(([, b]) => b)).to.deep.equal(['c5', 'c4']);
      } finally {
        globalThis.fetch = original;
      }
      // The cursor is the new sort's: the next page continues newest-first.
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => shown(el).length === 4, 'Load more did not load');
      expect(shown(el).map(([, b]) => b)).to.deep.equal(['c5', 'c4', 'c3', 'c2']);
    });

    it('nests to max-depth and lists deeper replies flat, saying whom they answer', async () => {
      const id = await createReview();
      let parent: string | undefined;
      for (const name of ['A', 'B', 'C', 'D', 'E'])
        parent = (await postComment(id, `by ${name}`, { name, parentId: parent })).id;
      const el = await thread(html`<comment-thread api="/v1" review=${id} max-depth="3"></comment-thread>`);
      const depth = (body: string) => {
        let n = 0;
        for (let node: Element | null = article(el, body); node; node = node.parentElement)
          if (node.matches('ul.replies')) n++;
        return n;
      };
      expect(['by A', 'by B', 'by C', 'by D', 'by E'].map(depth)).to.deep.equal([0, 1, 2, 3, 3]);
      expect(seen(article(el, 'by E').querySelector('[part~="comment-meta"]'))).to.contain('replying to D');
      expect(seen(article(el, 'by D').querySelector('[part~="comment-meta"]'))).not.to.contain('replying to');
    });

    it('shows "Show N more replies" for long reply lists', async () => {
      const id = await createReview();
      const root1 = await postComment(id, 'root');
      for (let i = 1; i <= 8; i++) await postComment(id, `reply ${i}`, { parentId: root1.id });
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      expect(shown(el)).to.have.length(6);
      const more = root(el).querySelector<HTMLButtonElement>('[part~="more-replies"]')!;
      expect(seen(more)).to.equal('Show 3 more replies');
      more.click();
      await waitUntil(() => shown(el).length === 9);
    });
  });

  describe('scale', () => {
    it('renders one page of a 2 000-comment thread, and pages on', async function () {
      this.timeout(60_000);
      const id = await createReview();
      for (let batch = 0; batch < 40; batch++) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => postComment(id, `comment ${batch * 50 + i}`)));
      }
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      expect(seen(root(el).querySelector('[part~="heading"]'))).to.equal('Comments (2,000)');
      expect(root(el).querySelectorAll('article[part~="comment"]')).to.have.length(20);
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => root(el).querySelectorAll('article[part~="comment"]').length === 40);
    });
  });

  describe('hostile input', () => {
    const HOSTILE = [
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
      '<svg onload="window.__pwned = 3"><circle r="5"/></svg>',
      '[click me](javascript:window.__pwned=4)',
      'javascript:window.__pwned=5',
      '<a href="javascript:alert(1)">link</a>',
      '\u202Eevil\u202C text with a right-to-left override',
      'lone surrogate \uD800 here',
      'x'.repeat(10_000),
      '"><iframe src="javascript:alert(1)"></iframe>',
      '{{constructor.constructor("window.__pwned=6")()}}',
    ];

    it('shows every string as literal text, runs nothing and keeps the layout', async () => {
      const id = await createReview();
      for (const body of HOSTILE) await postComment(id, body, { name: '<b onmouseover=alert(1)>Mallory</b>' });
      const el = await thread(html`<comment-thread api="/v1" review=${id} page-size="20"></comment-thread>`);
      const bodies = [...root(el).querySelectorAll<HTMLElement>('[part~="comment-body"]')];
      expect(bodies).to.have.length(HOSTILE.length);
      for (const body of bodies) {
        expect(body.querySelector('script, img, svg, iframe'), body.innerText.slice(0, 40)).to.equal(null);
        for (const a of body.querySelectorAll('a')) expect(a.protocol).to.match(/^https?:$/);
      }
      const texts = bodies.map((b) => b.textContent!.trim());
      expect(texts[0]).to.equal(HOSTILE[0]);
      expect(texts[1]).to.equal(HOSTILE[1]);
      expect(texts[3]).to.equal(HOSTILE[3]);
      expect(texts[8]).to.equal(HOSTILE[8]);
      expect(seen(root(el).querySelector('[part~="author"]'))).to.equal('<b onmouseover=alert(1)>Mallory</b>');
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('says there are no comments yet', async () => {
      const id = await createReview();
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      expect(seen(root(el).querySelector('[part~="empty"]'))).to.equal('No comments yet — be the first.');
      expect(el.matches(':state(empty)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows the thread but no form when comments are closed', async () => {
      const id = await createReview({ open: false });
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      await waitUntil(() => root(el).querySelector('[part~="closed"]'));
      expect(form(el)).to.equal(undefined);
      expect(seen(root(el).querySelector('[part~="closed"]'))).to.equal('Comments are closed.');
    });

    it('shows an error with a Retry that works', async () => {
      const id = await createReview();
      await injectFault(`/v1/reviews/${id}/comments`, 'fail', { method: 'GET' });
      const el = await thread(html`<comment-thread api="/v1" review=${id}></comment-thread>`);
      await waitUntil(() => root(el).querySelector('[part~="retry-button"]'));
      expect(seen(root(el).querySelector('[part~="error-title"]'))).to.equal('The comments could not be shown');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('[part~="empty"]'));
      // The button is gone: focus moves to the heading, as the card's goes to its title.
      expect(root(el).activeElement).to.equal(root(el).querySelector('[part~="heading"]'));
    });

    it('shows a first page given without a request, then pages from the API', async () => {
      const id = await createReview();
      for (let i = 1; i <= 3; i++) await postComment(id, `c${i}`);
      const page = await (await fetch(`/v1/reviews/${id}/comments?limit=2`)).json();
      // What the page was rendered with: a newer comment on the server is not asked for.
      await postComment(id, 'c4');
      const wrapper = await fixture<HTMLElement>(
        html`<div><comment-thread api="/v1" review=${id} page-size="2"><script type="application/json">${JSON.stringify(page)}</script></comment-thread></div>`,
      );
      const el = wrapper.querySelector('comment-thread')!;
      await loaded(el);
      expect(shown(el).map(([, b]) => b)).to.deep.equal(['c1', 'c2']);
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => shown(el).length === 4, 'Load more did not continue from the given page');
      expect(shown(el).map(([, b]) => b)).to.deep.equal(['c1', 'c2', 'c3', 'c4']);
    });

    it('takes the API and review from <review-source>, loading comments and review in parallel', async () => {
      // The earlier tests' entries would fill the browser's buffer of 250, and hide this test's.
      performance.clearResourceTimings();
      const wrapper = await fixture<HTMLElement>(
        html`<review-source api="/v1" review="ballerina"><comment-thread></comment-thread></review-source>`,
      );
      const el = wrapper.querySelector('comment-thread')!;
      await waitUntil(() => shown(el).length >= 3);
      // The thread shows its comments without waiting for the review: wait for both entries.
      const entries = () =>
        performance
          .getEntriesByType('resource')
          .filter((e) => /\/v1\/reviews\/ballerina(\/comments)?(\?|$)/.test(e.name));
      await waitUntil(() => entries().length >= 2, 'the review and the comments were not both asked for');
      const starts = entries()
        .slice(-2)
        .map((e) => e.startTime);
      expect(starts).to.have.length(2);
      expect(Math.abs(starts[0] - starts[1])).to.be.below(50);
    });

    it('speaks zh-Hans and ko', async () => {
      const id = await createReview();
      const zh = await thread(html`<div lang="zh-Hans"><comment-thread api="/v1" review=${id}></comment-thread></div>`);
      expect(seen(root(zh).querySelector('[part~="empty"]'))).to.equal('还没有评论——来写第一条吧。');
      await waitUntil(() => form(zh));
      expect(seen(form(zh).shadowRoot!.querySelector('button[type="submit"]'))).to.equal('发表评论');
      const ko = await thread(
        html`<div lang="ko" dir="rtl"><comment-thread api="/v1" review=${id}></comment-thread></div>`,
      );
      expect(seen(root(ko).querySelector('[part~="empty"]'))).to.equal('아직 댓글이 없습니다. 첫 댓글을 남겨 주세요.');
      // Nothing in the form (its hidden honeypot included) pushes a right-to-left page sideways.
      await waitUntil(() => form(ko));
      expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
      await expect(ko).to.be.accessible();
    });
  });
});
