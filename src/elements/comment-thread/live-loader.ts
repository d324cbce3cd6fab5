/**
 * Loads the live code when a thread first goes `live`, so threads that never do carry none of it
 * (`<comment-count>` has its own loader, `../comment-count/live-loader.ts`). The one-file build
 * swaps both for `live-loader.all.ts` (vite.config.ts): there the code is in the bundle already,
 * and these dynamic imports made rolldown split the shared code into a chunk of its own.
 */
export const loadLiveThread = () => import('./live-thread.js');
