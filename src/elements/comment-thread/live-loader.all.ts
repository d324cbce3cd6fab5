/** The one-file build's `live-loader.ts` of the thread and of the count: the live code is in the bundle. */
import * as thread from './live-thread.js';
import * as count from '../comment-count/live-count.js';

export const loadLiveThread = () => Promise.resolve(thread);
export const loadLiveCount = () => Promise.resolve(count);
