import type { Config } from '../config.js';
import type { Notify } from './events.js';

/** Placeholder until webhook and email land: tells nobody. */
export function createNotifier(_config: Config): Notify | undefined {
  return undefined;
}
