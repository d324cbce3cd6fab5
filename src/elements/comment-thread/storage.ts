/**
 * What the thread keeps in the reader's browser so no words are lost: drafts (per review and per
 * comment replied to, with the Idempotency-Key of a post that may have reached the server), the
 * reader's name, and the edit tokens of their own comments. All of it survives a reload or a
 * crash; all of it is optional — when storage fails (private mode, quota), the page still works.
 */
import type { CommentInput } from '../../api/index.js';

const PREFIX = 'review-elements:comments:';

export function read<T>(key: string): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function write(key: string, value: unknown): void {
  try {
    if (value === undefined) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft lives only as long as the page.
  }
}

/** Ids this browser has reported: the Report button becomes "Reported" (the server counts one per reader anyway). */
export function reportedIds(): Set<string> {
  const ids = read<unknown>('reported');
  return new Set(Array.isArray(ids) ? (ids as string[]) : []);
}

export function rememberReported(id: string): void {
  write('reported', [...reportedIds(), id].slice(-500));
}

export interface Draft {
  name: string;
  email: string;
  body: string;
  spoiler: boolean;
  /** Set when a post was attempted: every retry of this exact text reuses it. */
  idempotencyKey?: string;
}

const draftKey = (scope: string, parentId: string | null) => `draft:${scope}:${parentId ?? ''}`;

export const loadDraft = (scope: string, parentId: string | null) => read<Draft>(draftKey(scope, parentId));
export const saveDraft = (scope: string, parentId: string | null, draft: Draft) =>
  write(draftKey(scope, parentId), draft);
export const clearDraft = (scope: string, parentId: string | null) => write(draftKey(scope, parentId), undefined);

/** Reply drafts of a thread, so a reload can reopen the reply forms that hold unsent words. */
export function draftParents(scope: string): string[] {
  const parents: string[] = [];
  try {
    const storage = globalThis.localStorage;
    const start = PREFIX + draftKey(scope, null);
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage!.key(i);
      if (key && key.startsWith(start) && key.length > start.length) parents.push(key.slice(start.length));
    }
  } catch {
    // no storage, no reply drafts
  }
  return parents;
}

export const loadAuthor = () => read<{ name: string }>('author')?.name ?? '';
export const saveAuthor = (name: string) => write('author', { name });

interface Token {
  token: string;
  until: string;
}

/** Edit tokens of the reader's own comments, by comment id; expired ones are dropped on read. */
export function tokens(): Record<string, Token> {
  const all = read<Record<string, Token>>('tokens') ?? {};
  const now = Date.now();
  const live = Object.fromEntries(Object.entries(all).filter(([, t]) => Date.parse(t.until) > now));
  if (Object.keys(live).length !== Object.keys(all).length) write('tokens', live);
  return live;
}

export const saveToken = (id: string, token: string, until: string) =>
  write('tokens', { ...tokens(), [id]: { token, until } });
export const tokenFor = (id: string): Token | undefined => tokens()[id];
export function forgetToken(id: string): void {
  const all = tokens();
  delete all[id];
  write('tokens', all);
}

/** A fresh Idempotency-Key. */
export const newKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** A post that has not been confirmed by the server: kept until it is, so a reload can retry it. */
export interface OutboxEntry {
  key: string;
  parentId: string | null;
  name: string;
  email: string;
  body: string;
  spoiler: boolean;
  createdAt: string;
  /** The honeypot, passed through as filled in. */
  website?: string;
}

const outboxKey = (scope: string) => `outbox:${scope}`;
export const loadOutbox = (scope: string) => read<OutboxEntry[]>(outboxKey(scope)) ?? [];
export function addToOutbox(scope: string, entry: OutboxEntry): void {
  write(outboxKey(scope), [...loadOutbox(scope).filter((e) => e.key !== entry.key), entry]);
}
export function removeFromOutbox(scope: string, key: string): void {
  const rest = loadOutbox(scope).filter((e) => e.key !== key);
  write(outboxKey(scope), rest.length ? rest : undefined);
}

/** What the outbox keeps of a reader's post until the server confirms it. */
export const outboxEntry = (input: CommentInput): OutboxEntry => ({
  key: newKey(),
  parentId: input.parentId ?? null,
  name: input.author.name,
  email: input.author.email ?? '',
  body: input.body,
  spoiler: input.spoiler ?? false,
  createdAt: new Date().toISOString(),
  ...(input.website && { website: input.website }),
});

/** The post an outbox entry sends (again, under the same Idempotency-Key). */
export const entryInput = (entry: OutboxEntry): CommentInput => ({
  author: { name: entry.name, ...(entry.email && { email: entry.email }) },
  body: entry.body,
  parentId: entry.parentId,
  spoiler: entry.spoiler,
  ...(entry.website && { website: entry.website }),
});
