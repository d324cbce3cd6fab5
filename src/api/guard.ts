/**
 * The client's checks of what it receives, hand-written instead of the valibot schemas in
 * ./schemas.ts. Why: valibot and the schemas built with it were ~4.5 KB gzip of every element that
 * reads a review (7.6 KB with the client), more than half of the 16 KB a page with one card may
 * weigh (issue #16); these checks are ~1.5 KB. The server still validates what it stores with the
 * valibot schemas, and server/test/client-guard.test.ts runs both over the same documents (valid,
 * and broken field by field) so the two cannot drift: same answer, same output.
 *
 * Lenient where it may be (see ./lenient.ts): a malformed optional field, or a malformed item of
 * an optional list, is left out (its default put in its place) and recorded; anything else fails
 * with the path of the field that is wrong.
 */
import { MAX_AUTHOR_NAME, MAX_COMMENT_BODY } from './limits.js';
import type { DroppedField } from './lenient.js';

type Key = string | number;
/** Checks `input` at `path`, returns what to keep; throws a `Failure` if it is wrong. */
export type Check = ((input: unknown, path: Key[], drops: DroppedField[]) => unknown) & {
  /** Optional: absent is fine (with this default, if any), and malformed is dropped. */
  o?: [unknown?];
  /** The shape, for the test that holds these checks to the schemas: what it wraps, its entries, its item. */
  w?: Check;
  e?: Record<string, Check>;
  i?: Check;
};
export interface Failure {
  path: Key[];
  message: string;
}

/** Enough for any real document; a bound so a hostile one cannot fill the record. */
const MAX_DROPS = 20;

const fail = (path: Key[], message: string): never => {
  throw { path, message } satisfies Failure;
};
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A string of at most `max` characters; `required`: trimmed, and not empty once trimmed. */
const text =
  (max: number, required?: 1): Check =>
  (x, path) => {
    if (typeof x !== 'string') return fail(path, 'Expected a string');
    const s = required ? x.trim() : x;
    return (required && !s) || s.length > max ? fail(path, `Expected 1 to ${max} characters`) : s;
  };
const timestamp: Check = (x, path) =>
  typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? x : fail(path, 'Expected an ISO 8601 date');
/** A finite number (`int`: an integer) within [min, max]. */
const num =
  (min = -Infinity, int?: 1, max = Infinity): Check =>
  (x, path) =>
    typeof x === 'number' && Number.isFinite(x) && (!int || Number.isInteger(x)) && x >= min && x <= max
      ? x
      : fail(path, `Expected ${int ? 'an integer' : 'a number'} from ${min} to ${max}`);
const bool: Check = (x, path) => (typeof x === 'boolean' ? x : fail(path, 'Expected true or false'));
const oneOf =
  (...options: string[]): Check =>
  (x, path) =>
    options.includes(x as string) ? x : fail(path, `Expected one of ${options.join(', ')}`);
const nullable = (check: Check): Check =>
  Object.assign((x: unknown, path: Key[], drops: DroppedField[]) => (x === null ? x : check(x, path, drops)), {
    w: check,
  });

/** Optional, with a default put in when absent or dropped. */
const opt = (check: Check, ...fallback: [unknown?]): Check =>
  Object.assign((...a: Parameters<Check>) => check(...a), { o: fallback, w: check });

/** An array of at most `max` items; `lenient`: a malformed item is dropped, not the array. */
const array = (item: Check, max = Infinity, lenient?: 1): Check =>
  Object.assign(
    (x: unknown, path: Key[], drops: DroppedField[]) => {
      if (!Array.isArray(x)) return fail(path, 'Expected an array');
      if (x.length > max) fail(path, `Expected at most ${max} items`);
      const out: unknown[] = [];
      // A loop, not forEach: a hole in an array given as a property is an item, and malformed.
      for (let i = 0; i < x.length; i++) {
        const kept = lenient ? attempt(item, x[i], [...path, i], drops) : [item(x[i], [...path, i], drops)];
        if (kept) out.push(kept[0]);
      }
      return out;
    },
    { i: item },
  );
/** Arrays are optional on the wire and always present once checked (as `list` in schemas.ts). */
const list = (item: Check, max = 500) => opt(array(item, max, 1), []);

/** `check(input)` in a one-element array, or nothing if it was malformed and has been dropped. */
function attempt(check: Check, input: unknown, path: Key[], drops: DroppedField[]): [unknown] | undefined {
  const before = drops.length;
  try {
    return [check(input, path, drops)];
  } catch (error) {
    if (before >= MAX_DROPS || !(error as Failure).path) throw error;
    // What was dropped inside it goes with it: the record names the field that was left out.
    drops.length = before;
    drops.push({ path: path.join('.'), message: (error as Failure).message });
  }
}

/** An object with these keys; others are left out, as a newer server may add fields. */
const object = (entries: Record<string, Check>, refine?: (o: Record<string, unknown>) => string | void): Check =>
  Object.assign(
    (x: unknown, path: Key[], drops: DroppedField[]) => {
      if (!isObject(x)) return fail(path, 'Expected an object');
      const out: Record<string, unknown> = {};
      for (const [key, check] of Object.entries(entries)) {
        const at = [...path, key];
        let kept: [unknown?] | undefined = [];
        if (x[key] === undefined) {
          if (!check.o) fail(at, 'Required');
        } else kept = check.o ? attempt(check, x[key], at, drops) : [check(x[key], at, drops)];
        if (!kept?.length) kept = check.o;
        if (kept?.length) out[key] = kept[0];
      }
      const wrong = refine?.(out);
      return wrong ? fail(path, wrong) : out;
    },
    { e: entries },
  );

const url = text(2048);
const image = object({ url, width: opt(num(1)), height: opt(num(1)), alt: opt(text(500)) });
const rating = object({ value: num(), best: opt(num(1), 5), worst: opt(num(), 0) }, (r) =>
  (r.value as number) >= (r.worst as number) && (r.value as number) <= (r.best as number)
    ? undefined
    : 'Expected a value between worst and best',
);
const count = num(0, 1);

export const reviewCheck = object({
  id: text(200, 1),
  url,
  lang: text(35, 1),
  title: text(500, 1),
  summary: opt(text(5000)),
  category: opt(text(100)),
  tags: list(text(60), 50),
  publishedAt: timestamp,
  updatedAt: opt(timestamp),
  rating: opt(rating),
  verdict: opt(text(1000)),
  work: object({
    title: text(300, 1),
    originalTitle: opt(text(300)),
    type: oneOf('movie', 'series', 'episode'),
    year: opt(num(1870, 1, 2200)),
    countries: list(text(10), 50),
    languages: list(text(35), 50),
    runtimeMinutes: opt(num(1, 1, 100_000)),
    genres: list(text(60), 30),
    poster: opt(image),
    ageRating: opt(object({ system: text(40), value: text(40) })),
    externalRatings: list(
      object({
        source: text(100, 1),
        value: num(),
        best: opt(num(1), 100),
        unit: opt(oneOf('percent', 'score'), 'score'),
        average: opt(num()),
        averageBest: opt(num(1)),
        count: opt(count),
        url: opt(url),
      }),
      20,
    ),
  }),
  credits: list(object({ role: text(40, 1), name: text(200, 1), url: opt(url), avatar: opt(url) }), 50),
  cast: list(
    object({ name: text(200, 1), character: opt(text(200)), photo: opt(url), url: opt(url), order: opt(num()) }),
  ),
  // One malformed warning is dropped, not every warning with it (the schema's union would drop all).
  contentWarnings: opt(
    (x, path, drops) =>
      x === 'not-warned'
        ? x
        : array(
            object({
              topic: text(60, 1),
              severity: opt(oneOf('low', 'medium', 'high'), 'medium'),
              note: opt(text(1000)),
            }),
            50,
            1,
          )(x, path, drops),
    [],
  ),
  commentCount: opt(count, 0),
  comments: opt(object({ open: bool, url: opt(url) }), { open: false }),
});

const commentEntries: Record<string, Check> = {
  id: text(100, 1),
  parentId: opt(nullable(text(100)), null),
  author: object({ name: text(MAX_AUTHOR_NAME), avatar: opt(url) }),
  body: text(MAX_COMMENT_BODY),
  spoiler: opt(bool, false),
  createdAt: timestamp,
  editedAt: opt(nullable(timestamp), null),
  status: opt(oneOf('published', 'pending', 'deleted'), 'published'),
  replyCount: opt(count, 0),
  repliesCursor: opt(text(500)),
  replies: list((x, path, drops) => commentCheck(x, path, drops), Infinity),
};
export const commentCheck = object(commentEntries);
export const commentPageCheck = object({
  items: array(commentCheck),
  nextCursor: opt(nullable(text(Infinity)), null),
  total: opt(count, 0),
  // Whether the review takes new comments (servers before 0.2 leave it out: ask the review then).
  open: opt(bool),
  // The first page: the live event id it reflects (a live thread's stream resumes after it).
  eventId: opt(count),
});
export const createdCommentCheck = object({
  ...commentEntries,
  editToken: (x, path) => (typeof x === 'string' && x.length >= 16 ? x : fail(path, 'Expected a token')),
  editableUntil: timestamp,
});
