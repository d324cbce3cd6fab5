import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CommentThread } from '../../src/index.js';
import { createReview, loaded, postComment, root } from '../support/comments.js';
import { ADMIN, seen } from '../support/helpers.js';

async function thread(id: string, lang = 'en'): Promise<CommentThread> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="inline-size: 390px" lang=${lang}><comment-thread api="/v1" review=${id}></comment-thread></div>`,
  );
  const el = wrapper.querySelector('comment-thread')!;
  await loaded(el);
  return el;
}
const reportOf = (el: CommentThread) => root(el).querySelector('review-comment-report')!;
const inReport = (el: CommentThread) => reportOf(el).shadowRoot!;
/** The Report action is the thread's own button until pressed; the report form comes then. */
const reportButton = (el: CommentThread) => root(el).querySelector<HTMLButtonElement>('button[data-action="report"]');

async function openReports(commentId: string) {
  const res = await fetch('/v1/admin/queue?status=reported&limit=100', { headers: ADMIN });
  const { items } = (await res.json()) as { items: { id: string; reports: number; reasons: string[] }[] };
  return items.find((i) => i.id === commentId);
}

describe('<comment-thread>: reporting a comment', () => {
  beforeEach(() => localStorage.clear());

  it('reports with a reason and a note, by keyboard only, once', async () => {
    const id = await createReview();
    const posted = await postComment(id, 'Something hurtful', { name: 'Stranger' });
    const el = await thread(id);
    await waitUntil(() => reportButton(el));
    const button = reportButton(el)!;
    expect(seen(button)).to.equal('Report');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => reportOf(el)?.shadowRoot?.querySelector('form'));
    // The form's first reason has focus: the keyboard goes on from where the reader asked.
    await waitUntil(() => inReport(el).activeElement === inReport(el).querySelector('input[value="spam"]'));
    const form = inReport(el).querySelector('form')!;
    expect(form.getAttribute('aria-label')).to.equal('Report this comment');
    // Sending without a reason says so, next to the reasons.
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => inReport(el).querySelector('[role="alert"]'));
    expect(seen(inReport(el).querySelector('[role="alert"]'))).to.equal('Choose a reason.');
    // Focus is on the first reason; arrow keys move through the radio group.
    expect(inReport(el).activeElement).to.equal(inReport(el).querySelector('input[value="spam"]'));
    await sendKeys({ press: 'ArrowDown' });
    expect((inReport(el).activeElement as HTMLInputElement).value).to.equal('harassment');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'It names a real person' });
    await expect(reportOf(el)).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inReport(el).querySelector('.done'));
    expect(seen(inReport(el).querySelector('[role="status"]'))).to.equal(
      'Thank you. A moderator will look at this comment.',
    );
    expect(inReport(el).activeElement).to.equal(inReport(el).querySelector('.done'));

    const report = await openReports(posted.id);
    expect(report?.reports).to.equal(1);
    expect(report?.reasons).to.deep.equal(['harassment']);

    // After a reload of the thread, this browser sees "Reported" instead of the button.
    const again = await thread(id);
    await waitUntil(() => root(again).querySelector('[part="reported"]'));
    expect(seen(root(again).querySelector('[part="reported"]'))).to.equal('Reported');
    expect(reportButton(again)).to.equal(null);
  });

  it('speaks Korean and Chinese, and cancels back to the button', async () => {
    const id = await createReview();
    await postComment(id, '댓글', { name: '민' });
    const ko = await thread(id, 'ko');
    await waitUntil(() => seen(reportButton(ko)) === '신고');
    reportButton(ko)!.click();
    await waitUntil(() => reportOf(ko)?.shadowRoot?.querySelector('legend'));
    expect(seen(inReport(ko).querySelector('legend'))).to.equal('관리자가 확인해야 하는 이유는 무엇인가요?');
    const cancel = [...inReport(ko).querySelectorAll('button')].find((b) => seen(b) === '취소')!;
    cancel.click();
    await waitUntil(() => inReport(ko).activeElement?.getAttribute('data-action') === 'report');

    const zh = await thread(id, 'zh-Hans');
    await waitUntil(() => seen(reportButton(zh)) === '举报');
  });

  it('shows no Report action on the reader’s own comment', async () => {
    const id = await createReview();
    const el = await thread(id);
    const formEl = root(el).querySelector('review-comment-form')!;
    const formRoot = formEl.shadowRoot!;
    const name =
      formRoot.querySelector<HTMLInputElement>('input[autocomplete="name"], input[name="name"]') ??
      formRoot.querySelector<HTMLInputElement>('input')!;
    name.value = 'Me';
    name.dispatchEvent(new Event('input'));
    const area = formRoot.querySelector('textarea')!;
    area.value = 'My own words';
    area.dispatchEvent(new Event('input'));
    formRoot.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(
      () =>
        seen(root(el).querySelector('[part~="comments"]')).includes('My own words') &&
        !root(el).querySelector('.sending'),
    );
    await waitUntil(() => root(el).querySelector('[data-action="edit"]'));
    expect(root(el).querySelector('review-comment-report, button[data-action="report"]')).to.equal(null);
  });
});
