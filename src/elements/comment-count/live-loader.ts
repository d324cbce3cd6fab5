/** Loads the live code when a count first goes `live` (see `../comment-thread/live-loader.ts`). */
export const loadLiveCount = () => import('./live-count.js');
