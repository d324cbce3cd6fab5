/**
 * `<comment-moderation>` against the real reference server's admin API (the pre-moderated one
 * under /moderated/): signed in with a session as the /admin/ page is, it lists a reader's held
 * comment, passes axe, approves it from the keyboard, and the server then publishes it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/admin.js';
import { AdminClient } from '../../src/admin/admin-client.js';
import type { CommentModeration } from '../../src/admin.js';
import { createReview, postComment, serverComments } from '../support/comments.js';
import { seen } from '../support/helpers.js';

const BASE = '/moderated/v1';
const TOKEN = 'browser-tests-admin-token-000';

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Presses Shift+Tab until focus is on the element that matches, at most 30 times. */
async function backTo(el: Element, match: (focused: HTMLElement) => boolean) {
  for (let i = 0; i < 30; i++) {
    const focused = active(el);
    if (focused && match(focused)) return focused;
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
  }
  throw new Error(`focus never got there; at ${active(el)?.outerHTML.slice(0, 80)}`);
}

describe('<comment-moderation>', () => {
  it('lists a held comment, approves it from the keyboard, and the server publishes it', async () => {
    const id = await createReview({ base: BASE });
    const body = `Held for a moderator ${id}`;
    await postComment(id, body, { base: BASE, name: 'Hyejin' });
    expect((await serverComments(id, BASE)).total).to.equal(0, 'the comment is not public before approval');

    const client = new AdminClient(BASE);
    await client.signIn(TOKEN);
    const el = await fixture<CommentModeration>(
      html`<comment-moderation api=${BASE} review=${id} .client=${client}></comment-moderation>`,
    );
    const item = () => el.shadowRoot!.querySelector<HTMLElement>('article[part~="comment"]');
    await waitUntil(() => seen(item()).includes(body), 'the held comment is not listed', { timeout: 5000 });
    expect(seen(item())).to.include('Hyejin');
    await expect(el).to.be.accessible();

    // Keyboard only: the comment's checkbox, Space, back to Approve, Enter.
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[id^="sel-"]')!;
    expect(box.getAttribute('aria-label')).to.equal('Select the comment by Hyejin');
    box.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => box.checked, 'Space did not select the comment');
    const approve = await backTo(el, (f) => f.dataset.action === 'approve');
    expect(approve.getAttribute('aria-disabled')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => seen(el.shadowRoot!.querySelector('[role="status"]')) === '1 comments updated.', 'no update');
    await waitUntil(() => !item(), 'the approved comment is still in the queue');

    const stored = await serverComments(id, BASE);
    expect(stored.items.map((c) => c.body)).to.deep.equal([body]);
    await expect(el).to.be.accessible();
  });
});
