/**
 * The reader's content-warning settings: one choice per topic — always show, always ask, always
 * hide — kept in one versioned localStorage key that every warning on the site reads, whatever
 * its `remember` mode. `remember` decides only what a click on "Show content" keeps:
 * - `none`: nothing;
 * - `session`: the topics are shown for the rest of this tab (sessionStorage), as before;
 * - `always`: the topics become "always show".
 * "Always hide" (the warning's button or the settings) is always kept: a reader who asked for it
 * must not see the topic on a page whose warning happens to use `session`. A choice the reader
 * made in the settings wins over what a click keeps: "always ask" is never turned into "show".
 *
 * Storage can fail (private mode, quota, a sandboxed iframe, blocked cookies): then choices hold
 * in memory for this page, and `persistent()` says so, so the settings can tell the reader.
 */
import { own } from '../../shared/own.js';

export type Remember = 'none' | 'session' | 'always';
export type Setting = 'show' | 'ask' | 'hide';
/** What a warning does with the reader's choices: show at once, keep hidden, or ask. */
export type Choice = 'show' | 'hide';

const KEY = 'review-elements:content-warning-settings';
const SESSION_KEY = 'review-elements:content-warning-session';
/** Before version 1, `always` choices were a bare `{ topic: "show" | "hide" }` map under this key. */
const LEGACY_KEY = 'review-elements:content-warning-choices';
const VERSION = 1;
/** Dispatched on `window` after a change, so every warning and settings list on the page (even from a second copy of the bundle) follows. */
export const CHANGE_EVENT = 'review-elements:content-warning-settings';

interface Stored {
  version: typeof VERSION;
  topics: Record<string, Setting>;
}

let memory: Record<string, Setting> | undefined;
let sessionMemory: string[] | undefined;

function store(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

const SETTINGS = new Set<unknown>(['show', 'ask', 'hide']);

/**
 * Only well-formed entries, in an object without a prototype (a topic named `__proto__` is data):
 * the key is shared with every page of the origin, and may hold anything.
 */
function clean(value: unknown): Record<string, Setting> {
  const topics: Record<string, Setting> = Object.create(null) as Record<string, Setting>;
  if (!value || typeof value !== 'object') return topics;
  for (const [topic, setting] of Object.entries(value)) if (SETTINGS.has(setting)) topics[topic] = setting as Setting;
  return topics;
}

function parse(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Every topic the reader has a setting for. A topic with none is "always ask". */
export function readSettings(): Record<string, Setting> {
  if (memory) return clean(memory);
  const local = store('local');
  let raw: string | null | undefined;
  try {
    raw = local?.getItem(KEY);
    if (raw == null) {
      const legacy = local?.getItem(LEGACY_KEY);
      if (legacy != null) {
        const topics = clean(parse(legacy));
        write(topics);
        local?.removeItem(LEGACY_KEY);
        return topics;
      }
    }
  } catch {
    return clean(undefined);
  }
  const stored = parse(raw) as Partial<Stored> | undefined;
  // A newer version we cannot read is left alone (not overwritten) until this code is updated.
  return stored?.version === VERSION ? clean(stored.topics) : clean(undefined);
}

function write(topics: Record<string, Setting>): void {
  try {
    const local = store('local');
    if (!local) throw new Error('no storage');
    local.setItem(KEY, JSON.stringify({ version: VERSION, topics } satisfies Stored));
    memory = undefined;
  } catch {
    memory = clean(topics);
  }
}

function readSession(): string[] {
  if (sessionMemory) return sessionMemory;
  try {
    const stored = parse(store('session')?.getItem(SESSION_KEY)) as { version?: number; shown?: unknown } | undefined;
    return stored?.version === VERSION && Array.isArray(stored.shown)
      ? stored.shown.filter((t): t is string => typeof t === 'string')
      : [];
  } catch {
    return [];
  }
}

function writeSession(shown: string[]): void {
  try {
    const session = store('session');
    if (!session) throw new Error('no storage');
    session.setItem(SESSION_KEY, JSON.stringify({ version: VERSION, shown }));
    sessionMemory = undefined;
  } catch {
    sessionMemory = shown;
  }
}

function changed(): void {
  globalThis.dispatchEvent?.(new Event(CHANGE_EVENT));
}

/** Whether settings outlive this page (false when the browser refuses storage). */
export function persistent(): boolean {
  return memory === undefined && store('local') !== undefined;
}

/** The reader's setting for one topic. */
export function settingFor(topic: string): Setting {
  return own(readSettings(), topic) ?? 'ask';
}

/** Sets the reader's choice for topics, from the settings or a warning's "Always hide". */
export function setSetting(topics: readonly string[], setting: Setting): void {
  if (topics.length === 0) return;
  const settings = readSettings();
  for (const topic of topics) settings[topic] = setting;
  write(settings);
  if (setting !== 'show') writeSession(readSession().filter((t) => !topics.includes(t)));
  changed();
}

/**
 * What to do with a warning about `topics`: `hide` if the reader always hides any of them, `show`
 * if every one is shown (always, or for this tab), else nothing (ask).
 */
export function decide(topics: readonly string[]): Choice | undefined {
  if (topics.length === 0) return undefined;
  const settings = readSettings();
  const session = readSession();
  if (topics.some((t) => own(settings, t) === 'hide')) return 'hide';
  const shown = (t: string) => {
    const setting = own(settings, t);
    return setting === 'show' || (setting === undefined && session.includes(t));
  };
  return topics.every(shown) ? 'show' : undefined;
}

/** The reader showed the content: keep it as `remember` says, never over a setting they chose. */
export function rememberShow(topics: readonly string[], remember: Remember): void {
  if (remember === 'none' || topics.length === 0) return;
  const settings = readSettings();
  const unset = topics.filter((t) => own(settings, t) === undefined);
  if (unset.length === 0) return;
  if (remember === 'always') {
    for (const t of unset) settings[t] = 'show';
    write(settings);
  } else {
    writeSession([...new Set([...readSession(), ...unset])]);
  }
  changed();
}

/** "Ask me again next time": forgets that these topics were shown, here and in this tab. */
export function forgetShow(topics: readonly string[]): void {
  const settings = readSettings();
  for (const t of topics) if (own(settings, t) === 'show') delete settings[t];
  write(settings);
  writeSession(readSession().filter((t) => !topics.includes(t)));
  changed();
}

/**
 * Calls `listener` after any change: on this page (any copy of the bundle) or in another tab (the
 * `storage` event). Returns the function that stops listening.
 */
export function onSettingsChange(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === KEY) listener();
  };
  globalThis.addEventListener?.(CHANGE_EVENT, listener);
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    globalThis.removeEventListener?.(CHANGE_EVENT, listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
