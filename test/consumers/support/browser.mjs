/** Debian's Chromium through playwright-core (nothing downloads a browser). */
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new'],
  });
}

/**
 * What a reader would get from an element: its text and accessible labels, through every shadow
 * root below it (the card's rating, the thread's form are elements of their own) and its slotted
 * children. Scripts are skipped: the card's JSON-LD names the work before anything renders.
 */
export function deepText(selector) {
  const walk = (node) => {
    let out = '';
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE') return '';
    if (node.nodeType === Node.ELEMENT_NODE && node.getAttribute('aria-label'))
      out += ` ${node.getAttribute('aria-label')} `;
    if (node.shadowRoot) out += walk(node.shadowRoot);
    for (const child of node.childNodes) out += walk(child);
    return out;
  };
  const element = document.querySelector(selector);
  return element ? walk(element).replace(/\s+/g, ' ') : '';
}

/**
 * Opens `url` and waits until `tag` is defined and the element's text matches `pattern`; returns
 * the page, and its errors and console errors or warnings (a hydration mismatch is one).
 */
export async function expectRendered(browser, url, tag, pattern, { timeout = 20_000 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Failed requests are reported below with their URL.
    if (/^Failed to load resource/.test(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning')
      errors.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      errors.push(`${response.status()} ${response.url()}`);
  });
  try {
    await page.goto(url);
    await page
      .waitForFunction(
        ({ tag, source, flags, deep }) => {
          if (!customElements.get(tag)) return false;
          const text = new Function(`return (${deep})`)()(tag);
          return new RegExp(source, flags).test(text);
        },
        { tag, source: pattern.source, flags: pattern.flags, deep: deepText.toString() },
        { timeout },
      )
      .catch(async (error) => {
        const seen = await page.evaluate(
          ({ tag, deep }) => ({ defined: !!customElements.get(tag), text: new Function(`return (${deep})`)()(tag) }),
          { tag, deep: deepText.toString() },
        );
        throw new Error(
          `${url}: <${tag}> defined: ${seen.defined}; text: "${seen.text.slice(0, 300)}"; errors: ${errors.join(' | ')}\n${error.message}`,
        );
      });
    return { page, errors };
  } catch (error) {
    await page.close();
    throw error;
  }
}
