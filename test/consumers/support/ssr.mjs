/**
 * What every server-rendered consumer page (docs/ssr/) must give a reader: with JavaScript off, the
 * review's title, its cast and its content warning, closed; with JavaScript on, the same elements
 * hydrated (no error, no hydration warning, no request to the review API) and working.
 */
import assert from 'node:assert/strict';

const TAGS = ['review-card', 'content-warning', 'cast-list'];
const CAST = ['Jeon Jong-seo', 'Kim Ji-hoon', 'Park Yu-rim'];

/** The served HTML as a crawler gets it: each element's declarative shadow root, with content. */
export async function assertServedHtml(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  const html = await response.text();
  for (const tag of TAGS)
    assert.match(html, new RegExp(`<${tag}[^>]*>\\s*<template shadowroot="open" shadowrootmode="open">`), tag);
  assert.doesNotMatch(html, /No review to show yet|No cast listed/);
  for (const name of CAST) assert.ok(html.includes(name), `${name} is in the HTML`);
  return html;
}

async function read(page) {
  assert.equal((await page.locator('review-card [part~="title"]').first().textContent())?.trim(), 'Ballerina');
  assert.deepEqual(
    (await page.locator('cast-list [part~="name"]').allTextContents()).map((s) => s.trim()),
    CAST,
  );
  await page.locator('content-warning [part~="topics"]', { hasText: 'Suicide' }).waitFor();
  assert.equal(await page.locator('#warned').isVisible(), false, 'the warned-about passage is hidden');
}

export async function assertReadableWithoutJavaScript(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await read(page);
    assert.equal(await page.locator('content-warning [part~="reveal-button"]').isVisible(), true);
  } finally {
    await context.close();
  }
}

export async function assertHydrates(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    const apiRequests = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        errors.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/')) apiRequests.push(request.url());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // Defined, and each has taken over its server-rendered shadow root.
    await page.waitForFunction(
      (tags) =>
        tags.every(
          (tag) => customElements.get(tag) && [...document.querySelectorAll(tag)].every((el) => el.hasUpdated),
        ),
      TAGS,
    );
    await read(page);
    // Hydrated, not a dead copy: the warning opens.
    await page.locator('content-warning [part~="reveal-button"]').click();
    await page.locator('#warned').waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(apiRequests, []);
  } finally {
    await context.close();
  }
}
