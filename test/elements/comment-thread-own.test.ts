/**
 * The reader's own comments after posting: the edit window counted down by the page-wide clock
 * (driven here by a test clock, so no test waits for minutes to pass), and a comment held for
 * moderation that stays in view for its author across reloads until a moderator decides.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CommentThread } from '../../src/index.js';
import { editClockRunning, useClock, type Clock } from '../../src/elements/comment-thread/edit-window-clock.js';
import { createReview, fill, form, loaded, postComment, root, serverComments, submit } from '../support/comments.js';
import { ADMIN, seen } from '../support/helpers.js';

async function thread(api: string, review: string, lang = 'en'): Promise<CommentThread> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} style="inline-size: 720px"><comment-thread api=${api} review=${review}></comment-thread></div>`,
  );
  const el = wrapper.querySelector('comment-thread')!;
  await loaded(el);
  return el;
}
const article = (el: CommentThread, body: string) =>
  [...root(el).querySelectorAll<HTMLElement>('article[part~="comment"]')].find((a) =>
    seen(a.querySelector('[part~="comment-body"]')).includes(body),
  );
const windowText = (a: HTMLElement | undefined) => seen(a?.querySelector('[part~="edit-window"]'));

/** A clock the test moves by hand: timers set through it fire when it passes their time. */
function testClock(start: number) {
  let time = start;
  let next = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock = {
    now: () => time,
    setTimeout: (callback, ms) => {
      timers.set(++next, { at: time + ms, callback });
      return next;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  return {
    clock,
    timers: () => timers.size,
    /** Moves to `to`, firing every timer due on the way, in order. */
    moveTo(to: number) {
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].callback();
      }
      time = to;
    },
  };
}

/** The edit deadline the server gave the reader's one comment (kept with its token). */
function deadline(): number {
  const key = Object.keys(localStorage).find((k) => k.endsWith('comments:tokens'))!;
  const [token] = Object.values(JSON.parse(localStorage.getItem(key)!)) as { until: string }[];
  return Date.parse(token.until);
}

describe('<comment-thread> own comments', () => {
  let restore: (() => void) | undefined;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  describe('the edit window', () => {
    it('is counted down on the reader’s own comments only, by one page-wide timer, and Edit goes when it closes', async () => {
      const fake = testClock(Date.now());
      restore = useClock(fake.clock);
      const id = await createReview();
      await postComment(id, 'Someone else wrote this', { name: 'Bo' });
      const el = await thread('/v1', id);
      // Another reader's comment: no countdown, and nothing for the clock to do.
      expect(windowText(article(el, 'Someone else'))).to.equal('');
      expect(editClockRunning()).to.equal(false);

      await fill(form(el), { name: 'Ana', body: 'Mine for now' });
      submit(form(el));
      await waitUntil(
        () => article(el, 'Mine for now')?.querySelector('[data-action="edit"]'),
        'no Edit on my comment',
      );
      const until = deadline();
      expect(editClockRunning(), 'the clock runs while a window is open').to.equal(true);

      fake.moveTo(until - 12 * 60_000 - 30_000);
      await waitUntil(
        () => windowText(article(el, 'Mine for now')) === 'You can edit or delete this for 13 more minutes.',
      );
      expect(windowText(article(el, 'Someone else'))).to.equal('');
      // Read when the reader gets there, not announced every minute.
      const note = article(el, 'Mine for now')!.querySelector('[part~="edit-window"]')!;
      expect(note.closest('[aria-live], [role="status"], [role="alert"], [role="log"]')).to.equal(null);
      // One timer for the page, set for the next change only (not one a second).
      expect(fake.timers()).to.equal(1);

      fake.moveTo(until - 11 * 60_000 - 59_000);
      await waitUntil(
        () => windowText(article(el, 'Mine for now')) === 'You can edit or delete this for 12 more minutes.',
      );
      article(el, 'Mine for now')!.querySelector<HTMLButtonElement>('[data-action="edit"]')!.focus();
      fake.moveTo(until - 20_000);
      await waitUntil(
        () => windowText(article(el, 'Mine for now')) === 'You can edit or delete this for 1 more minute.',
      );
      expect(article(el, 'Mine for now')!.querySelector('[data-action="delete"]')).not.to.equal(null);
      // The minutes' ticks left focus where it was.
      expect(root(el).activeElement?.getAttribute('data-action')).to.equal('edit');

      // The window closes with focus on Edit: focus goes to the comment, not to the page.
      fake.moveTo(until + 1);
      await waitUntil(
        () => !article(el, 'Mine for now')!.querySelector('[data-action="edit"]'),
        'Edit stayed after the window closed',
      );
      expect(article(el, 'Mine for now')!.querySelector('[data-action="delete"]')).to.equal(null);
      expect(windowText(article(el, 'Mine for now'))).to.equal('');
      await waitUntil(() => root(el).activeElement === article(el, 'Mine for now'), 'focus was lost with Edit');
      // Nothing left to count down: no timer at all.
      expect(editClockRunning()).to.equal(false);
      expect(fake.timers()).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('counts in the page’s language, with its plural rules', async () => {
      const fake = testClock(Date.now());
      restore = useClock(fake.clock);
      const id = await createReview();
      const el = await thread('/v1', id, 'ar');
      await waitUntil(() => seen(root(el).querySelector('[part~="heading"]')).startsWith('التعليقات'));
      await fill(form(el), { name: 'نور', body: 'تعليقي' });
      submit(form(el));
      await waitUntil(() => article(el, 'تعليقي')?.querySelector('[part~="edit-window"]'));
      const until = deadline();
      fake.moveTo(until - 9 * 60_000 - 30_000);
      await waitUntil(() => windowText(article(el, 'تعليقي')).includes('دقائق'), 'no "few" form for ten minutes');
      fake.moveTo(until - 90_000);
      await waitUntil(() => windowText(article(el, 'تعليقي')).includes('دقيقتين'), 'no dual form for two minutes');
    });
  });

  describe('a comment held for moderation', () => {
    const API = '/moderated/v1';

    it('stays in view for its author across reloads, awaiting approval, and shows as any comment once approved', async () => {
      const id = await createReview({ base: API });
      const el = await thread(API, id);
      await fill(form(el), { name: 'Ana', body: 'Hold me for review' });
      submit(form(el));
      await waitUntil(() => seen(article(el, 'Hold me for review')).includes('Awaiting approval'));
      el.remove();

      // A reload: the server does not list it, but its author still sees it, marked.
      const again = await thread(API, id);
      await waitUntil(() => article(again, 'Hold me for review'), 'the held comment was gone after a reload');
      const held = article(again, 'Hold me for review')!;
      expect(seen(held.querySelector('[part~="comment-meta"]'))).to.contain('Awaiting approval');
      expect(seen(held)).to.contain('Waiting for moderation');
      expect((await serverComments(id, API)).total).to.equal(0);
      await expect(again).to.be.accessible();

      // Another reader (a browser without this one's storage) sees nothing of it.
      const mine = { ...localStorage };
      localStorage.clear();
      const other = await thread(API, id);
      expect(article(other, 'Hold me for review')).to.equal(undefined);
      expect(seen(root(other).querySelector('[part~="empty"]'))).to.contain('No comments yet');
      other.remove();
      for (const [k, value] of Object.entries(mine)) localStorage.setItem(k, value);
      again.remove();

      // A moderator approves it: the next visit shows it as published, and keeps no local copy.
      const queue = await (await fetch(`${API}/admin/comments?status=pending`, { headers: ADMIN })).json();
      const commentId = (queue.items as { id: string; body: string }[]).find(
        (c) => c.body === 'Hold me for review',
      )!.id;
      const approved = await fetch(`${API}/admin/comments/${commentId}/approve`, { method: 'POST', headers: ADMIN });
      expect(approved.status).to.equal(200);
      const later = await thread(API, id);
      await waitUntil(() => article(later, 'Hold me for review'));
      const shown = article(later, 'Hold me for review')!;
      expect(seen(shown)).not.to.contain('Awaiting approval');
      expect(seen(shown)).not.to.contain('Waiting for moderation');
      expect(seen(root(later).querySelector('[part~="heading"]'))).to.equal('Comments (1)');
      expect(Object.keys(localStorage).some((k) => k.includes(':pending:'))).to.equal(false);
    });

    it('stays in view in its place after its author edits it back into the queue', async () => {
      const id = await createReview({ base: API });
      await postComment(id, 'Approved later', { base: API, name: 'Bo' });
      const el = await thread(API, id);
      await fill(form(el), { name: 'Ana', body: 'First words' });
      submit(form(el));
      await waitUntil(() => seen(article(el, 'First words')).includes('Awaiting approval'));
      el.remove();
      const queue = await (await fetch(`${API}/admin/comments?status=pending`, { headers: ADMIN })).json();
      // Only this review's: other files' tests share the server and its queue.
      for (const c of (queue.items as { id: string; reviewId: string }[]).filter((c) => c.reviewId === id))
        await fetch(`${API}/admin/comments/${c.id}/approve`, { method: 'POST', headers: ADMIN });

      const again = await thread(API, id);
      await waitUntil(() => article(again, 'First words')?.querySelector('[data-action="edit"]'));
      expect(seen(article(again, 'First words'))).not.to.contain('Awaiting approval');
      article(again, 'First words')!.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
      await waitUntil(() => root(again).querySelector('textarea'));
      const box = root(again).querySelector('textarea')!;
      box.value = 'Second thoughts';
      box.dispatchEvent(new Event('input'));
      await again.updateComplete;
      [...root(again).querySelectorAll('button')].find((b) => seen(b) === 'Save')!.click();
      await waitUntil(() => seen(article(again, 'Second thoughts')).includes('Awaiting approval'));
      again.remove();

      const later = await thread(API, id);
      await waitUntil(() => article(later, 'Second thoughts'), 'the edited comment was gone after a reload');
      expect(seen(article(later, 'Second thoughts'))).to.contain('Awaiting approval');
      // Where its date puts it: after Bo's comment, which came first.
      const bodies = [...root(later).querySelectorAll('[part~="comment-body"]')].map((b) => seen(b));
      expect(bodies).to.deep.equal(['Approved later', 'Second thoughts']);
    });

    it('goes once a moderator rejects it', async () => {
      const id = await createReview({ base: API });
      const el = await thread(API, id);
      await fill(form(el), { name: 'Ana', body: 'Not this one' });
      submit(form(el));
      await waitUntil(() => seen(article(el, 'Not this one')).includes('Awaiting approval'));
      el.remove();
      const queue = await (await fetch(`${API}/admin/comments?status=pending`, { headers: ADMIN })).json();
      const commentId = (queue.items as { id: string; body: string }[]).find((c) => c.body === 'Not this one')!.id;
      await fetch(`${API}/admin/comments/${commentId}/reject`, { method: 'POST', headers: ADMIN });

      const again = await thread(API, id);
      // Shown from storage at first, then gone once the server says it was rejected.
      await waitUntil(() => !article(again, 'Not this one'), 'a rejected comment stayed');
      await waitUntil(() => !Object.keys(localStorage).some((k) => k.includes(':pending:')));
    });
  });
});
