/**
 * The reader's own content-warning settings: one store honoured by every warning whatever its
 * `remember` mode, the <content-warning-settings> element (radio groups, keyboard, screen
 * readers), the way to it from every warning, and reviews whose author chose not to warn.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ContentWarning, ContentWarningSettings } from '../../src/index.js';
import { seen } from '../support/helpers.js';
import { LATIN, putReview } from '../support/reader-docs.js';
import { readerPage } from '../support/reader-page.js';

const KEY = 'review-elements:content-warning-settings';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const concealed = (el: ContentWarning) => el.matches(':state(concealed)');
const stored = () =>
  JSON.parse(localStorage.getItem(KEY) ?? 'null') as { version: number; topics: Record<string, string> } | null;

async function page(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  for (const el of wrapper.querySelectorAll('content-warning, content-warning-settings'))
    await (el as ContentWarning).updateComplete;
  return wrapper;
}

/** The radio group of one topic in the settings. */
const group = (settings: ContentWarningSettings, topic: string) =>
  part(settings, 'topics')!.querySelector<HTMLFieldSetElement>(`fieldset[data-topic="${topic}"]`)!;
const checked = (settings: ContentWarningSettings, topic: string) =>
  group(settings, topic).querySelector<HTMLInputElement>('input:checked')?.value;

describe('the reader’s content-warning settings', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  describe('one choice, every remember mode', () => {
    for (const mode of ['session', 'always', 'none'] as const) {
      it(`"always hide violence" from a remember="always" warning holds on a remember="${mode}" page`, async () => {
        const first = (
          await page(html`<content-warning remember="always" topics="violence"><p>a</p></content-warning>`)
        ).querySelector('content-warning')!;
        part(first, 'always-hide-button')!.click();
        await first.updateComplete;
        expect(stored()).to.deep.equal({ version: 1, topics: { violence: 'hide' } });
        // A later page (a new element) whose warning uses another mode.
        const later = (
          await page(html`<content-warning remember=${mode} topics="violence gore"><p>b</p></content-warning>`)
        ).querySelector('content-warning')!;
        expect(concealed(later)).to.equal(true);
        expect(seen(part(later, 'notice'))).to.include('You chose to always hide these topics');
      });
    }

    it('"Show content" on a remember="session" warning holds for the tab only, and never over "always ask"', async () => {
      const a = (
        await page(html`<content-warning remember="session" topics="gore"><p>a</p></content-warning>`)
      ).querySelector('content-warning')!;
      part(a, 'reveal-button')!.click();
      await a.updateComplete;
      expect(stored()).to.equal(null); // nothing kept beyond the tab
      const b = (
        await page(html`<content-warning remember="always" topics="gore"><p>b</p></content-warning>`)
      ).querySelector('content-warning')!;
      expect(concealed(b)).to.equal(false);
      // The reader says "always ask" in the settings: the tab's memory no longer shows it.
      const settings = (await page(html`<content-warning-settings></content-warning-settings>`)).querySelector(
        'content-warning-settings',
      )!;
      group(settings, 'gore').querySelector<HTMLInputElement>('input[value="ask"]')!.click();
      await waitUntil(() => concealed(b), 'the shown warning did not follow the new setting');
      const c = (
        await page(html`<content-warning remember="session" topics="gore"><p>c</p></content-warning>`)
      ).querySelector('content-warning')!;
      part(c, 'reveal-button')!.click();
      const d = (
        await page(html`<content-warning remember="always" topics="gore"><p>d</p></content-warning>`)
      ).querySelector('content-warning')!;
      expect(concealed(d)).to.equal(true);
      expect(stored()!.topics.gore).to.equal('ask');
    });

    it('"always show" from the settings reveals warnings in every mode, with a way back', async () => {
      localStorage.setItem(KEY, JSON.stringify({ version: 1, topics: { suicide: 'show' } }));
      for (const mode of ['none', 'session', 'always']) {
        const el = (
          await page(html`<content-warning remember=${mode} topics="suicide"><p>x</p></content-warning>`)
        ).querySelector('content-warning')!;
        expect(concealed(el), mode).to.equal(false);
        expect(part(el, 'hide-button'), mode).to.exist;
        expect(part(el, 'settings-link'), mode).to.exist;
      }
    });

    it('moves the old always-mode choices into the versioned store once', async () => {
      localStorage.setItem(
        'review-elements:content-warning-choices',
        JSON.stringify({ suicide: 'hide', gore: 'show', junk: 42 }),
      );
      const el = (await page(html`<content-warning topics="suicide"><p>x</p></content-warning>`)).querySelector(
        'content-warning',
      )!;
      expect(concealed(el)).to.equal(true);
      expect(stored()).to.deep.equal({ version: 1, topics: { suicide: 'hide', gore: 'show' } });
      expect(localStorage.getItem('review-elements:content-warning-choices')).to.equal(null);
    });

    it('keeps choices for the page when storage is refused, and says so', async () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const wrapper = await page(
          html`<content-warning-settings></content-warning-settings><content-warning topics="war"><p>x</p></content-warning>`,
        );
        const settings = wrapper.querySelector('content-warning-settings')!;
        group(settings, 'war').querySelector<HTMLInputElement>('input[value="hide"]')!.click();
        await settings.updateComplete;
        expect(seen(part(settings, 'status'))).to.include('your choices last only until you leave this page');
        const el = wrapper.querySelector('content-warning')!;
        await el.updateComplete;
        expect(seen(part(el, 'notice'))).to.include('You chose to always hide these topics');
      } finally {
        Storage.prototype.setItem = original;
      }
    });
  });

  describe('<content-warning-settings>', () => {
    it('lists every known topic (the given ones first) as a named radio group, "Always ask" by default', async () => {
      const settings = (
        await page(html`<content-warning-settings topics="ferry-disaster suicide"></content-warning-settings>`)
      ).querySelector('content-warning-settings')!;
      const legends = [...part(settings, 'topics')!.querySelectorAll('legend')].map(seen);
      expect(legends.slice(0, 3)).to.deep.equal(['Ferry disaster', 'Suicide', 'Self-harm']);
      expect(legends.length).to.be.greaterThan(25);
      expect(checked(settings, 'suicide')).to.equal('ask');
      const labels = [...group(settings, 'suicide').querySelectorAll('label')].map(seen);
      expect(labels).to.deep.equal(['Always show', 'Always ask', 'Always hide']);
      expect(part(settings, 'status')!.getAttribute('role')).to.equal('status');
      await expect(settings).to.be.accessible();
    });

    it('saves a choice from the keyboard (arrow keys within a group) and announces it', async () => {
      const settings = (await page(html`<content-warning-settings></content-warning-settings>`)).querySelector(
        'content-warning-settings',
      )!;
      group(settings, 'suicide').querySelector<HTMLInputElement>('input[value="ask"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await settings.updateComplete;
      expect(checked(settings, 'suicide')).to.equal('hide');
      expect(stored()!.topics.suicide).to.equal('hide');
      expect(seen(part(settings, 'status'))).to.equal('Saved.');
      await sendKeys({ press: 'Tab' });
      expect(settings.shadowRoot!.activeElement?.closest('fieldset')?.dataset.topic).to.equal('self-harm');
    });

    it('follows a change made elsewhere on the page', async () => {
      const wrapper = await page(
        html`<content-warning remember="always" topics="torture"><p>x</p></content-warning><content-warning-settings></content-warning-settings>`,
      );
      const settings = wrapper.querySelector('content-warning-settings')!;
      part(wrapper.querySelector('content-warning')!, 'always-hide-button')!.click();
      await waitUntil(() => checked(settings, 'torture') === 'hide');
    });
  });

  describe('the way from every warning', () => {
    it('opens the settings in a dialog in place when the page says nothing, focus inside and back', async () => {
      const el = (
        await page(html`<content-warning topics="suicide ferry-disaster"><p>x</p></content-warning>`)
      ).querySelector('content-warning')!;
      const button = part(el, 'settings-link')!;
      expect(button.localName).to.equal('button');
      expect(seen(button)).to.equal('Warning settings');
      button.focus();
      button.click();
      await waitUntil(() => part(el, 'settings-dialog'), 'no dialog');
      const dialog = part(el, 'settings-dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(dialog.getAttribute('aria-label')).to.equal('Your content-warning settings');
      const settings = dialog.querySelector('content-warning-settings')!;
      await waitUntil(() => settings.shadowRoot?.querySelector('legend'));
      expect(seen(settings.shadowRoot!.querySelector('legend'))).to.equal('Suicide');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(el, 'settings-dialog'), 'the dialog did not close');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('links to the settings page given by the warning, or by the page', async () => {
      const own = (
        await page(html`<content-warning topics="war" settings="/account#warnings"><p>x</p></content-warning>`)
      ).querySelector('content-warning')!;
      expect((part(own, 'settings-link') as HTMLAnchorElement).href).to.equal(
        new URL('/account#warnings', location.href).href,
      );
      const meta = Object.assign(document.createElement('meta'), {
        name: 'content-warning-settings',
        content: '/settings',
      });
      document.head.append(meta);
      try {
        const fromPage = (await page(html`<content-warning topics="war"><p>x</p></content-warning>`)).querySelector(
          'content-warning',
        )!;
        expect((part(fromPage, 'settings-link') as HTMLAnchorElement).href).to.equal(
          new URL('/settings', location.href).href,
        );
        const unsafe = (
          await page(html`<content-warning topics="war" settings="javascript:alert(1)"><p>x</p></content-warning>`)
        ).querySelector('content-warning')!;
        expect(part(unsafe, 'settings-link')!.localName).to.equal('button');
      } finally {
        meta.remove();
      }
    });
  });

  describe('"the author chose not to warn"', () => {
    it('keeps the content hidden behind a notice that says so, and the card says so too', async () => {
      const id = await putReview(LATIN, 'en', 'not-warned');
      const wrapper = await readerPage(id, 'en', 'ltr', 720);
      const el = wrapper.querySelector('content-warning')!;
      expect(concealed(el)).to.equal(true);
      // readerPage's wait is met by the notice shown while the review loads ("may discuss topics…"),
      // so this waited for nothing on a busy machine: wait for the review's own answer.
      await waitUntil(
        () => seen(part(el, 'notice')).includes('The author chose not to give content warnings.'),
        `no "not warned" notice: ${seen(part(el, 'notice'))}`,
      );
      expect(concealed(el)).to.equal(true);
      expect(part(el, 'topics')).to.equal(null);
      const card = wrapper.querySelector('review-card')!;
      expect(seen(part(card, 'not-warned'))).to.equal('The author chose not to give content warnings');
      await expect(el).to.be.accessible();
      part(el, 'reveal-button')!.click();
      await el.updateComplete;
      expect(concealed(el)).to.equal(false);
    });

    it('shows no such line for a review with warnings', async () => {
      const wrapper = await readerPage(await putReview(LATIN, 'en'), 'en', 'ltr', 720);
      expect(part(wrapper.querySelector('review-card')!, 'not-warned')).to.equal(null);
    });
  });
});
