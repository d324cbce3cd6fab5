/**
 * The editor's document: a review as the API takes it (ReviewInput), edited by path, and checked
 * with the same valibot schema the server validates with (src/api/schemas.ts). Messages are the
 * owner's language, chosen by the kind of each valibot issue and placed by its path.
 */
import * as v from 'valibot';
import { ReviewSchema } from '../../api/schemas.js';
import type { ReviewInput } from '../../api/types.js';
import type { AdminStrings } from '../../admin/i18n/index.js';

export type Path = (string | number)[];
export type Doc = ReviewInput & Record<string, unknown>;

export function blankReview(now = new Date()): Doc {
  return {
    id: '',
    url: '',
    lang: 'en',
    title: '',
    publishedAt: now.toISOString().slice(0, 10),
    work: { title: '', type: 'movie', externalRatings: [] },
    tags: [],
    credits: [],
    cast: [],
    contentWarnings: [],
    comments: { open: true },
  };
}

export const pathKey = (path: Path) => path.join('.');

export function getAt(doc: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]),
    doc,
  );
}

/** A copy of `doc` with `value` at `path`; `undefined` removes the key (an optional field left empty). */
export function setAt<T>(doc: T, path: Path, value: unknown): T {
  if (!path.length) return value as T;
  const [head, ...rest] = path;
  const node = (doc ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  const next = setAt(copy[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

/** Comma-separated text ↔ a list of trimmed, non-empty entries. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export interface Checked {
  output: v.InferOutput<typeof ReviewSchema> | undefined;
  /** By dot path (`cast.0.name`, `rating`): the first message for each. */
  errors: Map<string, string>;
}

function message(issue: v.BaseIssue<unknown>, path: string, t: AdminStrings['validation']): string {
  const requirement = (issue as { requirement?: unknown }).requirement;
  switch (issue.type) {
    case 'min_length':
      return t.required;
    case 'max_length':
      return t.tooLong(String(requirement));
    case 'integer':
      return t.whole;
    case 'min_value':
    case 'max_value':
      return t.range;
    case 'number':
    case 'finite':
      return issue.received === 'undefined' ? t.required : t.number;
    case 'string':
      return issue.received === 'undefined' ? t.required : t.invalid;
    case 'check':
      if (/(publishedAt|updatedAt)$/.test(path)) return t.date;
      if (path === 'rating') return t.rating;
      return t.invalid;
    default:
      return t.invalid;
  }
}

export function check(doc: Doc, t: AdminStrings['validation']): Checked {
  const result = v.safeParse(ReviewSchema, doc);
  const errors = new Map<string, string>();
  if (result.success) return { output: result.output, errors };
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? '';
    if (!errors.has(path)) errors.set(path, message(issue, path, t));
  }
  return { output: undefined, errors };
}

/** Moves the entry at `index` of the list at `path` by `by` places (the order of the cast matters). */
export function move(doc: Doc, path: Path, index: number, by: number): Doc {
  const list = [...((getAt(doc, path) as unknown[]) ?? [])];
  const to = index + by;
  if (to < 0 || to >= list.length) return doc;
  [list[index], list[to]] = [list[to], list[index]];
  return setAt(doc, path, list);
}
