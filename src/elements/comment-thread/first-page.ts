/** How long a thread's first render waits, at most, for its first page (see `firstPageWait`). */
export const FIRST_PAGE_WAIT_MS = 100;

/**
 * What a thread's first render waits for: its first page, already on its way (the CDN loader
 * preloads it with the element's chunks, so it has often arrived), or FIRST_PAGE_WAIT_MS. The
 * comments then show in one render, not after a skeleton and the frame that paints it; a skeleton
 * that would show for less than that is only a flash.
 */
export const firstPageWait = (page: Promise<unknown>): Promise<unknown> =>
  Promise.race([page.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))]);
