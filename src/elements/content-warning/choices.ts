/**
 * The reader's remembered choices, per topic: `show` (they chose to see it) or `hide` (they chose
 * to always hide it). Per topic rather than per warning, so a reader who chose to see
 * suicide-related content is not asked again on the next page, even beside other topics.
 * Storage can fail (private mode, quota, a sandboxed iframe): then nothing is remembered.
 */
export type Remember = 'none' | 'session' | 'always';
export type Choice = 'show' | 'hide';

const KEY = 'review-elements:content-warning-choices';

function storage(remember: Remember): Storage | undefined {
  try {
    if (remember === 'always') return globalThis.localStorage;
    if (remember === 'session') return globalThis.sessionStorage;
  } catch {
    // Accessing storage itself can throw (blocked cookies).
  }
  return undefined;
}

function read(remember: Remember): Record<string, Choice> {
  try {
    const parsed: unknown = JSON.parse(storage(remember)?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Choice>) : {};
  } catch {
    return {};
  }
}

/** `hide` if any topic is always hidden, `show` if every topic was chosen before, else nothing. */
export function rememberedChoice(topics: readonly string[], remember: Remember): Choice | undefined {
  if (remember === 'none' || topics.length === 0) return undefined;
  const choices = read(remember);
  if (topics.some((t) => choices[t] === 'hide')) return 'hide';
  if (topics.every((t) => choices[t] === 'show')) return 'show';
  return undefined;
}

export function remember(topics: readonly string[], choice: Choice | undefined, remember: Remember): void {
  const store = storage(remember);
  if (!store || topics.length === 0) return;
  const choices = read(remember);
  for (const topic of topics) {
    if (choice) choices[topic] = choice;
    else delete choices[topic];
  }
  try {
    store.setItem(KEY, JSON.stringify(choices));
  } catch {
    // Full or blocked: the choice holds for this page only.
  }
}
