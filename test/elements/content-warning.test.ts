import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ContentWarning } from '../../src/index.js';
import { API, seen } from '../support/helpers.js';

const part = (el: ContentWarning, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
type Snapshot = Parameters<typeof findAccessibilityNode>[0];
/** Whether any node of the page's accessibility tree has a name containing the text. */
const inTree = async (text: string) =>
  Boolean(
    findAccessibilityNode((await a11ySnapshot({})) as unknown as Snapshot, (node) =>
      Boolean((node as { name?: string }).name?.includes(text)),
    ),
  );

async function warning(template: ReturnType<typeof html>): Promise<ContentWarning> {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = wrapper.querySelector('content-warning')!;
  await el.updateComplete;
  return el;
}

describe('<content-warning>', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  describe('concealed', () => {
    let el: ContentWarning;
    beforeEach(async () => {
      el = await warning(html`<content-warning topics="suicide sexual-violence">
        <p>The scene in the apartment. <a href="#x">A link inside</a></p>
      </content-warning>`);
    });

    it('names the topics as a list, in words', () => {
      expect(seen(part(el, 'title'))).to.equal('Content warning');
      const items = [...part(el, 'topics')!.querySelectorAll('li')].map(seen);
      expect(items).to.deep.equal(['Suicide', 'Sexual violence']);
      expect(part(el, 'notice')!.getAttribute('aria-labelledby')).to.equal('title');
      expect(el.matches(':state(concealed)')).to.equal(true);
    });

    it('keeps the content out of sight, out of the tab order and out of the accessibility tree', async () => {
      const content = part(el, 'content')!;
      expect(content.hidden).to.equal(true);
      expect(content.inert).to.equal(true);
      expect(el.querySelector('p')!.getBoundingClientRect().height).to.equal(0);
      expect(await inTree('A link inside')).to.equal(false);
      expect(await inTree('Show content')).to.equal(true);
      el.querySelector('a')!.focus();
      expect(document.activeElement).not.to.equal(el.querySelector('a'));
    });

    it('has a Show content button that says what it controls', () => {
      const button = part(el, 'reveal-button')!;
      expect(seen(button)).to.equal('Show content');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal('content');
      expect(el.shadowRoot!.getElementById('content')).to.equal(part(el, 'content'));
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });
  });

  describe('revealing and hiding, by keyboard', () => {
    it('reveals with Enter, moves focus to the content, and hides again with focus back on the button', async () => {
      const el = await warning(
        html`<content-warning topics="violence"><p>Fight scene. <a href="#y">Details</a></p></content-warning>`,
      );
      part(el, 'reveal-button')!.focus();
      const revealed = oneEvent(el, 'content-warning-reveal');
      await sendKeys({ press: 'Enter' });
      expect((await revealed).detail).to.deep.equal({ topics: ['violence'], remembered: false });
      await el.updateComplete;
      expect(el.matches(':state(revealed)')).to.equal(true);
      expect(part(el, 'content')!.inert).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'content'));
      expect(await inTree('Details')).to.equal(true);
      // Tab goes into the revealed content first.
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el.querySelector('a'));
      await expect(el).to.be.accessible();

      const hideButton = part(el, 'hide-button')!;
      expect(hideButton.getAttribute('aria-expanded')).to.equal('true');
      hideButton.focus();
      const hidden = oneEvent(el, 'content-warning-hide');
      await sendKeys({ press: 'Space' });
      await hidden;
      await el.updateComplete;
      expect(part(el, 'content')!.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'reveal-button'));
    });

    it('lets a host cancel the reveal (an age gate) and reveal later', async () => {
      const el = await warning(html`<content-warning topics="gore"><p>Gore.</p></content-warning>`);
      el.addEventListener('content-warning-reveal', (e) => e.preventDefault(), { once: true });
      part(el, 'reveal-button')!.click();
      await el.updateComplete;
      expect(part(el, 'content')!.hidden).to.equal(true);
      expect(el.reveal()).to.equal(true);
      await el.updateComplete;
      expect(part(el, 'content')!.hidden).to.equal(false);
    });
  });

  describe('blur mode', () => {
    it('shows an inert, blurred preview behind the notice', async () => {
      const el = await warning(
        html`<content-warning mode="blur" topics="gore"><img alt="A bloody scene" width="100" height="60" src="/demo/data/images/ballerina-poster.svg" /><button>inside</button></content-warning>`,
      );
      const content = part(el, 'content')!;
      expect(content.hidden).to.equal(false);
      expect(content.inert).to.equal(true);
      expect(getComputedStyle(content).filter).to.match(/blur/);
      expect(await inTree('A bloody scene')).to.equal(false);
      el.querySelector('button')!.focus();
      expect(document.activeElement).not.to.equal(el.querySelector('button'));
      await expect(el).to.be.accessible();
    });
  });

  describe('from the review', () => {
    it("takes topics, severity in words and notes from the review's contentWarnings", async () => {
      const el = await warning(
        html`<content-warning from-review src="/demo/data/ballerina.json"><p>Text</p></content-warning>`,
      );
      await waitUntil(() => part(el, 'topics'), 'no topics');
      const items = [...part(el, 'topics')!.querySelectorAll('li')].map(seen);
      expect(items[0]).to.match(/^Suicide \(severe\) The story begins/);
      expect(items.slice(1).map((i) => i.split(' Recorded')[0])).to.deep.equal([
        'Sexual violence (severe)',
        'Image-based abuse (intimate images shared or faked) (severe)',
        'Violence (moderate)',
        'Drug use (mild)',
      ]);
      expect(part(el, 'notice')!.classList.contains('high')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('works inside <review-source>, merging attribute topics', async () => {
      const wrapper = await fixture<HTMLElement>(html`<review-source src="/demo/data/the-glory.json">
        <content-warning from-review topics="blackmail"><p>Text</p></content-warning>
      </review-source>`);
      const el = wrapper.querySelector('content-warning')!;
      await waitUntil(() => (part(el, 'topics')?.querySelectorAll('li').length ?? 0) > 1);
      expect(seen(part(el, 'topics')!.querySelector('li'))).to.equal('Blackmail');
    });

    it('keeps the content hidden while the warnings load and when they cannot be loaded', async () => {
      const el = await warning(
        html`<content-warning from-review src=${`${API}/problem-500`}><p>Text</p></content-warning>`,
      );
      expect(part(el, 'content')!.hidden).to.equal(true);
      await waitUntil(
        () => el.topicList.length === 0 && seen(part(el, 'notice')).includes('may discuss'),
        'no generic notice',
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(part(el, 'content')!.hidden).to.equal(true);
      expect(seen(part(el, 'notice'))).to.contain(
        'The content below may discuss topics some readers find distressing.',
      );
      await expect(el).to.be.accessible();
    });

    it('renders content untouched when there are no topics and the review has none', async () => {
      const el = await warning(
        html`<content-warning from-review src="/demo/data/past-lives.json"><p>Plain</p></content-warning>`,
      );
      await waitUntil(() => !part(el, 'notice'), 'the notice stayed');
      expect(part(el, 'content')!.hidden).to.equal(false);
      expect(part(el, 'content')!.hasAttribute('tabindex')).to.equal(false);
      const plain = await warning(html`<content-warning><p>Plain</p></content-warning>`);
      expect(part(plain, 'notice')).to.equal(null);
      expect(part(plain, 'hide-button')).to.equal(null);
    });
  });

  describe('remembering', () => {
    it('is not asked again about topics it chose to see, in the same session', async () => {
      const first = await warning(
        html`<content-warning remember="session" topics="suicide"><p>A</p></content-warning>`,
      );
      part(first, 'reveal-button')!.click();
      await first.updateComplete;
      const second = await warning(
        html`<content-warning remember="session" topics="suicide"><p>B</p></content-warning>`,
      );
      expect(part(second, 'content')!.hidden).to.equal(false);
      expect(seen(part(second, 'controls'))).to.contain('Shown because you chose to see these topics before.');
      // A topic it has not chosen is still asked about.
      const third = await warning(
        html`<content-warning remember="session" topics="suicide gore"><p>C</p></content-warning>`,
      );
      expect(part(third, 'content')!.hidden).to.equal(true);
    });

    it('honours "always hide", and still lets the reader show the content', async () => {
      const first = await warning(
        html`<content-warning remember="always" topics="self-harm"><p>A</p></content-warning>`,
      );
      part(first, 'always-hide-button')!.click();
      await first.updateComplete;
      expect(seen(part(first, 'notice'))).to.contain('You chose to always hide these topics.');
      const second = await warning(
        html`<content-warning remember="always" topics="self-harm violence"><p>B</p></content-warning>`,
      );
      expect(part(second, 'content')!.hidden).to.equal(true);
      expect(part(second, 'always-hide-button')).to.equal(null);
      part(second, 'reveal-button')!.click();
      await second.updateComplete;
      expect(part(second, 'content')!.hidden).to.equal(false);
    });

    it('forgets the choice on request', async () => {
      const first = await warning(html`<content-warning remember="always" topics="death"><p>A</p></content-warning>`);
      part(first, 'reveal-button')!.click();
      await first.updateComplete;
      part(first, 'forget-button')!.click();
      const second = await warning(html`<content-warning remember="always" topics="death"><p>B</p></content-warning>`);
      expect(part(second, 'content')!.hidden).to.equal(true);
    });

    it('survives a reload with remember="always"', async () => {
      const frame = document.createElement('iframe');
      const loaded = () => new Promise((r) => frame.addEventListener('load', r, { once: true }));
      let load = loaded();
      frame.src = '/test/fixtures/content-warning-page.html';
      document.body.append(frame);
      await load;
      const inFrame = () => frame.contentDocument!.querySelector('content-warning') as ContentWarning;
      await waitUntil(
        () => inFrame()?.shadowRoot?.querySelector('[part~="reveal-button"]'),
        'the page did not render',
        { timeout: 5000 },
      );
      (inFrame().shadowRoot!.querySelector('[part~="reveal-button"]') as HTMLElement).click();
      load = loaded();
      frame.contentWindow!.location.reload();
      await load;
      await waitUntil(
        () => inFrame()?.shadowRoot?.querySelector('[part~="content"]'),
        'the reloaded page did not render',
        { timeout: 5000 },
      );
      expect((inFrame().shadowRoot!.querySelector('[part~="content"]') as HTMLElement).hidden).to.equal(false);
      frame.remove();
    });

    it('is harmless when storage throws', async () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
      try {
        const el = await warning(html`<content-warning remember="always" topics="suicide"><p>A</p></content-warning>`);
        part(el, 'reveal-button')!.click();
        await el.updateComplete;
        expect(part(el, 'content')!.hidden).to.equal(false);
      } finally {
        Storage.prototype.setItem = original;
      }
    });
  });

  describe('languages and direction', () => {
    it('speaks Simplified Chinese and Korean, and shows unknown ids as words, never raw', async () => {
      const zh = await warning(
        html`<div lang="zh-Hans"><content-warning topics="suicide made-up-topic"><p>x</p></content-warning></div>`,
      );
      expect([...part(zh, 'topics')!.querySelectorAll('li')].map(seen)).to.deep.equal(['自杀', 'Made up topic']);
      expect(seen(part(zh, 'reveal-button'))).to.equal('显示内容');
      const ko = await warning(
        html`<div lang="ko"><content-warning topics="sexual-violence"><p>x</p></content-warning></div>`,
      );
      expect(seen(part(ko, 'title'))).to.equal('콘텐츠 주의');
      expect(seen(part(ko, 'reveal-button'))).to.equal('내용 보기');
      await expect(ko).to.be.accessible();
    });

    it('puts the severity stripe on the start edge in right-to-left text', async () => {
      const el = await warning(
        html`<div dir="rtl"><content-warning from-review src="/demo/data/ballerina.json"><p>x</p></content-warning></div>`,
      );
      await waitUntil(() => part(el, 'topics'));
      const style = getComputedStyle(part(el, 'notice')!);
      expect(parseFloat(style.borderRightWidth)).to.be.greaterThan(parseFloat(style.borderLeftWidth));
      await expect(el).to.be.accessible();
    });

    it('passes axe in dark theme', async () => {
      const el = await warning(
        html`<div style="background: #121016; color: #eee"><content-warning theme="dark" topics="violence" note="One long fight."><p>x</p></content-warning></div>`,
      );
      expect(seen(part(el, 'note'))).to.equal('One long fight.');
      await expect(el).to.be.accessible();
    });
  });
});
