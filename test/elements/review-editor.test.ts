/**
 * `<review-editor>` against the real reference server's admin API, signed in with a session as
 * the /admin/ page is: an empty Publish names the fields that need attention, the form is filled
 * and published from the keyboard, passes axe, and the server then serves the review as written.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/admin.js';
import { AdminClient } from '../../src/admin/admin-client.js';
import type { ReviewEditor } from '../../src/admin.js';
import { seen, unique } from '../support/helpers.js';

const TOKEN = 'browser-tests-admin-token-000';

/** The control a visible label names, inside the editor's shadow root. */
function control(el: ReviewEditor, label: string): HTMLInputElement {
  const root = el.shadowRoot!;
  const found = [...root.querySelectorAll('label')].find((l) => seen(l) === label);
  if (!found) throw new Error(`no field labelled ${label}`);
  return root.getElementById(found.htmlFor) as HTMLInputElement;
}

/** Types into a field as a person does: focus, then keys. */
async function type(el: ReviewEditor, label: string, text: string) {
  const input = control(el, label);
  input.focus();
  await sendKeys({ type: text });
  await waitUntil(() => input.value === text, `${label} did not take the text`);
}

describe('<review-editor>', () => {
  it('names missing fields, publishes what was typed, and the server serves it', async () => {
    const client = new AdminClient('/v1');
    await client.signIn(TOKEN);
    const el = await fixture<ReviewEditor>(html`<review-editor .client=${client}></review-editor>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action="publish"]'), 'no form');
    await expect(el).to.be.accessible();

    // Publishing an empty form names what needs attention, next to the field.
    const publish = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="publish"]')!;
    publish().focus();
    await sendKeys({ press: 'Enter' });
    const idField = () => control(el, 'Id (used in addresses; cannot change later)');
    await waitUntil(() => idField().getAttribute('aria-invalid') === 'true', 'the empty id is not flagged');
    const error = el.shadowRoot!.getElementById(idField().getAttribute('aria-describedby')!);
    expect(seen(error)).to.equal('Required.');
    await expect(el).to.be.accessible();

    const id = unique('editor');
    await type(el, 'Id (used in addresses; cannot change later)', id);
    await type(el, 'Title', 'A quiet film');
    await type(el, 'Address of the article', `https://blog.example/${id}/`);
    await type(el, 'Summary', 'About a loud wound.');
    await type(el, 'Title of the work', 'Small Things');
    await type(el, 'Year', '2024');
    const saved = oneEvent(el, 'review-editor-save');
    publish().focus();
    await sendKeys({ press: 'Enter' });
    const event = (await saved) as unknown as { reviewId: string; state: string };
    expect(event.reviewId).to.equal(id);
    expect(event.state).to.equal('published');
    await expect(el).to.be.accessible();

    const res = await fetch(`/v1/reviews/${id}`);
    expect(res.status).to.equal(200);
    const stored = (await res.json()) as {
      title: string;
      url: string;
      summary: string;
      work: { title: string; year: number };
    };
    expect(stored.title).to.equal('A quiet film');
    expect(stored.url).to.equal(`https://blog.example/${id}/`);
    expect(stored.summary).to.equal('About a loud wound.');
    expect(stored.work).to.include({ title: 'Small Things', year: 2024 });
  });
});
