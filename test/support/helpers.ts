/** Test helpers shared by the browser tests. */
export const API = '/fixture-api';

/** Headers that let a test store review documents on the real server (see review-server.mjs). */
export const ADMIN = { Authorization: 'Bearer browser-tests-admin-token-000', 'Content-Type': 'application/json' };

/** How many requests the fixture server saw for a path (relative to /fixture-api/, with query). */
export async function requestCount(path: string): Promise<number> {
  const res = await fetch(`${API}/_count?path=${encodeURIComponent(path)}`);
  return ((await res.json()) as { count: number }).count;
}

/** A unique suffix, so tests that count requests do not share cache entries or counters. */
let n = 0;
export const unique = (prefix = 'u') => `${prefix}-${Date.now().toString(36)}-${(n++).toString(36)}`;

/** Resolves on the element's next event of that type. */
export function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as T), { once: true }));
}

/** The text a reader sees, whitespace collapsed. */
export const seen = (el: Element | null | undefined) =>
  ((el as HTMLElement | null)?.innerText ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Opens a page of its own (a plain HTML fixture, a built host page) in an iframe, once loaded. */
export function openFrame(src: string, size = 'inline-size: 800px; block-size: 1200px'): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = size;
    frame.onload = () => resolve(frame);
    frame.onerror = reject;
    frame.src = src;
    document.body.append(frame);
  });
}

/** The text of a part of an element's shadow DOM, whitespace collapsed (for elements in frames). */
export const shadowText = (el: Element | null | undefined, selector: string) =>
  (el?.shadowRoot?.querySelector<HTMLElement>(selector)?.innerText ?? '').replace(/\s+/g, ' ').trim();
