import { hostRule } from '../../shared/held-space.js';

/** How long a thread's first render waits, at most, for its first page (see `firstPageWait`). */
export const FIRST_PAGE_WAIT_MS = 100;

/**
 * A thread's first render: after its first page, already on its way (the CDN loader preloads it
 * with the element's chunks, so it has often arrived), or FIRST_PAGE_WAIT_MS. The comments then
 * show in one render, not after a skeleton and the frame that paints it; a skeleton that would
 * show for less than that is only a flash. Meanwhile the host keeps the height the page held for
 * it (`held`), through a style sheet of its own shadow root so the host's own attributes and style
 * are never touched: without it the page's text below would move up, then down again (a layout
 * shift of 0.03 measured with the thread in the first viewport).
 */
export async function firstPageWait(page: Promise<unknown>, root: ShadowRoot, held: number, render: () => void) {
  const release = held > 0 && 'adoptedStyleSheets' in root ? hostRule(root, `min-block-size: ${held}px`) : undefined;
  await Promise.race([page.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))]);
  render();
  release?.();
}
