/**
 * <content-warning> around the fallback the embed builder writes: the content in a native
 * <details>, closed before the script runs. Once the element runs it guards the content itself.
 * (What the page shows before the script runs, or when it never does, is tested in a real browser
 * against the real server in server/test/embed-cross-origin.test.ts.)
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ContentWarning } from '../../src/index.js';
import { seen } from '../support/helpers.js';

const part = (el: ContentWarning, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
type Snapshot = Parameters<typeof findAccessibilityNode>[0];
const inTree = async (text: string) =>
  Boolean(
    findAccessibilityNode((await a11ySnapshot({})) as unknown as Snapshot, (node) =>
      Boolean((node as { name?: string }).name?.includes(text)),
    ),
  );

const SUMMARY = 'Content warning: suicide. Show';
const WARNED = 'Min-hee is found dead in her flat.';
const visible = (node: Element) => node.getBoundingClientRect().height > 0 && node.checkVisibility();

async function warning(template: ReturnType<typeof html>): Promise<ContentWarning> {
  const wrapper = await fixture<HTMLElement>(html`<div><button id="before">before</button>${template}</div>`);
  const el = wrapper.querySelector('content-warning')!;
  await el.updateComplete;
  return el;
}

describe('<content-warning> with a fallback <details>', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('replaces the summary with its notice and keeps the content hidden, out of reach and out of the accessibility tree', async () => {
    const el = await warning(html`<content-warning topics="suicide">
      <details><summary>${SUMMARY}</summary><p>${WARNED} <a href="#z">A link</a></p></details>
    </content-warning>`);
    const details = el.querySelector('details')!;
    expect(seen(part(el, 'topics'))).to.equal('Suicide');
    expect(visible(el.querySelector('summary')!)).to.equal(false);
    expect(visible(el.querySelector('p')!)).to.equal(false);
    expect(el.innerText).not.to.contain(WARNED);
    expect(await inTree(WARNED)).to.equal(false);
    expect(await inTree(SUMMARY)).to.equal(false);
    expect(await inTree('Show content')).to.equal(true);
    // The disclosure is opened for good (the element guards it now) and stays so.
    expect(details.open).to.equal(true);
    details.open = false;
    await oneEvent(details, 'toggle');
    expect(details.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reveals and hides by keyboard, as without the fallback; the summary never comes back', async () => {
    const el = await warning(html`<content-warning topics="suicide">
      <details><summary>${SUMMARY}</summary><p>${WARNED} <a href="#z">A link</a></p></details>
    </content-warning>`);
    document.getElementById('before')!.focus();
    // Tab reaches the notice's button, not the hidden summary.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'reveal-button'));
    const revealed = oneEvent(el, 'content-warning-reveal');
    await sendKeys({ press: 'Enter' });
    expect((await revealed).detail).to.deep.equal({ topics: ['suicide'], remembered: false });
    await el.updateComplete;
    expect(visible(el.querySelector('p')!)).to.equal(true);
    expect(visible(el.querySelector('summary')!)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'content'));
    expect(await inTree(WARNED)).to.equal(true);
    expect(await inTree(SUMMARY)).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el.querySelector('a'));
    await expect(el).to.be.accessible();

    part(el, 'hide-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(visible(el.querySelector('p')!)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'reveal-button'));
  });

  it('shows the content at once when the reader opened the disclosure before the script ran', async () => {
    const el = await warning(html`<content-warning topics="suicide">
      <details open><summary>${SUMMARY}</summary><p>${WARNED}</p></details>
    </content-warning>`);
    expect(el.matches(':state(revealed)')).to.equal(true);
    expect(visible(el.querySelector('p')!)).to.equal(true);
    expect(visible(el.querySelector('summary')!)).to.equal(false);
    expect(part(el, 'hide-button')).not.to.equal(null);
  });

  it('remembers the choice for the next warning with the same markup', async () => {
    const first = await warning(html`<content-warning remember="session" topics="suicide">
      <details><summary>${SUMMARY}</summary><p>A</p></details>
    </content-warning>`);
    part(first, 'reveal-button')!.click();
    await first.updateComplete;
    const second = await warning(html`<content-warning remember="session" topics="suicide">
      <details><summary>${SUMMARY}</summary><p>${WARNED}</p></details>
    </content-warning>`);
    expect(visible(second.querySelector('p')!)).to.equal(true);
    expect(seen(part(second, 'controls'))).to.contain('Shown because you chose to see these topics before.');
  });

  it('blurs the opened disclosure in blur mode, with no summary', async () => {
    const el = await warning(html`<content-warning mode="blur" topics="gore">
      <details><summary>Content warning: gore. Show</summary><p>${WARNED}</p></details>
    </content-warning>`);
    expect(getComputedStyle(part(el, 'content')!).filter).to.match(/blur/);
    expect(part(el, 'content')!.inert).to.equal(true);
    expect(visible(el.querySelector('summary')!)).to.equal(false);
    expect(await inTree(WARNED)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the content as if unwrapped when there is nothing to warn about', async () => {
    const el = await warning(
      html`<content-warning><details><summary>Content warning. Show</summary><p>${WARNED}</p></details></content-warning>`,
    );
    expect(part(el, 'notice')).to.equal(null);
    expect(visible(el.querySelector('p')!)).to.equal(true);
    expect(visible(el.querySelector('summary')!)).to.equal(false);
  });

  it('hides the summary even when the page styles summaries with display', async () => {
    const style = document.createElement('style');
    style.textContent = 'summary { display: flex !important; }';
    document.head.append(style);
    try {
      const el = await warning(
        html`<content-warning><details><summary>${SUMMARY}</summary><p>${WARNED}</p></details></content-warning>`,
      );
      expect(visible(el.querySelector('summary')!)).to.equal(false);
    } finally {
      style.remove();
    }
  });

  it('takes over a disclosure added after it ran', async () => {
    const el = await warning(html`<content-warning topics="suicide"></content-warning>`);
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = SUMMARY;
    const p = document.createElement('p');
    p.textContent = WARNED;
    details.append(summary, p);
    el.append(details);
    await oneEvent(el.shadowRoot!.querySelector('slot:not([name])')!, 'slotchange');
    expect(details.open).to.equal(true);
    expect(visible(summary)).to.equal(false);
    expect(visible(p)).to.equal(false);
  });

  it('leaves a <details> that is part of the content alone', async () => {
    const el = await warning(html`<content-warning topics="suicide"
      ><p>${WARNED}</p><details><summary>Spoiler</summary><p>Inside</p></details></content-warning
    >`);
    part(el, 'reveal-button')!.click();
    await el.updateComplete;
    const details = el.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(visible(el.querySelector('summary')!)).to.equal(true);
  });
});
