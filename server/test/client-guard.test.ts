/**
 * The client checks answers with hand-written guards (src/api/guard.ts, for bytes); the server
 * with the valibot schemas (src/api/schemas.ts). This runs both over the same documents: full
 * ones, and each broken one field at a time in every way a field can be wrong. Where the schema
 * accepts, the guard returns the very same output with nothing dropped; where it rejects, the guard
 * fails or drops something; and whatever the guard returns, the schema accepts as it is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v from 'valibot';
import { commentCheck, commentPageCheck, createdCommentCheck, reviewCheck, type Check } from '../../src/api/guard.js';
import { parseLenient } from '../../src/api/lenient.js';
import { CommentPageSchema, CommentSchema, CreatedCommentSchema, ReviewSchema } from '../../src/api/schemas.js';

const comment = {
  id: 'c1',
  parentId: null,
  author: { name: 'Mina', avatar: 'https://img.example/a.png' },
  body: 'Loved the ending.',
  spoiler: true,
  createdAt: '2024-06-01T10:00:00Z',
  editedAt: '2024-06-01T11:00:00Z',
  status: 'published',
  replyCount: 1,
  repliesCursor: 'abc',
  replies: [{ id: 'c2', parentId: 'c1', author: { name: 'Jun' }, body: 'Same.', createdAt: '2024-06-02T10:00:00Z' }],
};

const review = {
  id: ' r1 ',
  url: 'https://blog.example/r1',
  lang: 'ko',
  title: 'A title',
  summary: 'A summary',
  category: 'Drama',
  tags: ['slow', 'quiet'],
  publishedAt: '2024-06-01T10:00:00Z',
  updatedAt: '2024-06-03T10:00:00Z',
  rating: { value: 4, best: 5, worst: 1 },
  verdict: 'Watch it',
  work: {
    title: 'The Quiet Season',
    originalTitle: '조용한 계절',
    type: 'series',
    year: 2021,
    countries: ['KR'],
    languages: ['ko'],
    runtimeMinutes: 60,
    genres: ['Drama'],
    poster: { url: 'poster.jpg', width: 200, height: 300, alt: 'A poster' },
    ageRating: { system: 'KMRB', value: '15' },
    externalRatings: [
      { source: 'IMDb', value: 8.1, best: 10, unit: 'score', average: 7, averageBest: 10, count: 12, url: 'https://x' },
    ],
  },
  credits: [{ role: 'critic', name: 'Ana', url: 'https://ana.example', avatar: 'a.png' }],
  cast: [{ name: 'Actor One', character: 'Hero', photo: 'p.jpg', url: 'https://a1.example', order: 2 }, { name: 'B' }],
  contentWarnings: [{ topic: 'suicide', severity: 'high', note: 'Episode 4' }, { topic: 'violence' }],
  commentCount: 3,
  comments: { open: true, url: 'https://blog.example/r1#comments' },
};

const WRONG: unknown[] = [
  undefined,
  null,
  0,
  42,
  -1,
  1.5,
  1869,
  2201,
  100_001,
  1e9,
  '',
  '  ',
  'x',
  'not-a-date',
  true,
  [],
  {},
  [{}],
  'x'.repeat(6000),
];

/** Every path into a document (objects and arrays, and their leaves). */
function* paths(value: unknown, at: (string | number)[] = []): Generator<(string | number)[]> {
  if (at.length) yield at;
  if (value && typeof value === 'object')
    for (const [k, child] of Object.entries(value)) yield* paths(child, [...at, Array.isArray(value) ? Number(k) : k]);
}

function set(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

function agree(schema: v.GenericSchema, check: Check, doc: unknown, label: string): void {
  const strict = v.safeParse(schema, doc);
  const drops: { path: string; message: string }[] = [];
  let output: unknown;
  let failed = false;
  try {
    output = check(doc, [], drops);
  } catch (error) {
    assert.ok((error as { path?: unknown }).path, `${label}: the guard threw something other than a failure`);
    failed = true;
  }
  if (strict.success) {
    assert.ok(!failed, `${label}: the schema accepts, the guard fails`);
    assert.deepEqual(drops, [], `${label}: the schema accepts, the guard drops`);
    assert.deepEqual(output, strict.output, `${label}: not the schema's output`);
  } else {
    assert.ok(failed || drops.length > 0, `${label}: the schema rejects, the guard accepts it whole`);
  }
  if (!failed) {
    const again = v.safeParse(schema, output);
    assert.ok(again.success, `${label}: the guard's output is not valid: ${again.issues?.[0].message}`);
    assert.deepEqual(again.output, output, `${label}: the schema would change the guard's output`);
  }
}

const CASES: [string, v.GenericSchema, Check, unknown][] = [
  ['review', ReviewSchema, reviewCheck, review],
  ['comment', CommentSchema, commentCheck, comment],
  ['comment page', CommentPageSchema, commentPageCheck, { items: [comment], nextCursor: 'n', total: 4 }],
  [
    'created comment',
    CreatedCommentSchema,
    createdCommentCheck,
    { ...comment, editToken: 'a'.repeat(16), editableUntil: '2024-06-01T10:15:00Z' },
  ],
];

type Shape = { type: string; wrapped?: Shape; entries?: Record<string, Shape>; item?: Shape; getter?: () => Shape };

/**
 * Every field of every object in the schema has a check in the guard, and no other: a field added
 * to schemas.ts (a newer contract) and not to guard.ts would be dropped by the client without a
 * word, so this fails until both have it. `skip`: paths whose guard is written by hand (no shape).
 */
function sameFields(schema: Shape, check: Check, path: string, skip: Set<string>): void {
  if (skip.has(path)) return;
  while (['optional', 'nullable'].includes(schema.type)) schema = schema.wrapped!;
  if (schema.type === 'lazy') schema = schema.getter!();
  while (check.w) check = check.w;
  if (schema.type === 'object') {
    assert.ok(check.e, `${path || '(root)'}: the schema has an object, the guard does not`);
    assert.deepEqual(Object.keys(check.e).sort(), Object.keys(schema.entries!).sort(), `${path || '(root)'}: fields`);
    for (const key of Object.keys(schema.entries!))
      sameFields(schema.entries![key], check.e[key], path ? `${path}.${key}` : key, skip);
  } else if (schema.type === 'array') {
    assert.ok(check.i, `${path}: the schema has an array, the guard does not`);
    sameFields(schema.item!, check.i, `${path}[]`, skip);
  }
}

describe('client guards agree with the server schemas', () => {
  it('have a check for every field of the schemas, and no other', () => {
    const skip = new Set(['contentWarnings', 'replies[]', 'items[].replies[]']);
    sameFields(ReviewSchema as unknown as Shape, reviewCheck, '', skip);
    sameFields(CommentSchema as unknown as Shape, commentCheck, '', skip);
    sameFields(CommentPageSchema as unknown as Shape, commentPageCheck, '', skip);
    // An intersection in the schema: its parts' fields together.
    const created = CreatedCommentSchema as unknown as { options: Shape[] };
    assert.deepEqual(
      Object.keys(createdCommentCheck.e!).sort(),
      created.options.flatMap((o) => Object.keys((o.type === 'lazy' ? o.getter!() : o).entries!)).sort(),
    );
    // The warnings' guard is written by hand (one malformed warning is dropped, not all): its items.
    const warning = (ReviewSchema.entries.contentWarnings.wrapped.options[1] as unknown as Shape).item!;
    assert.deepEqual(Object.keys(warning.entries!).sort(), ['note', 'severity', 'topic']);
  });

  for (const [name, schema, check, doc] of CASES) {
    it(`${name}: whole, and broken at every field in every way`, () => {
      agree(schema, check, doc, name);
      let n = 0;
      for (const path of paths(doc))
        for (const wrong of WRONG) {
          agree(
            schema,
            check,
            set(doc, path, wrong),
            `${name} ${path.join('.')} = ${JSON.stringify(wrong)?.slice(0, 20)}`,
          );
          n++;
        }
      assert.ok(n > 100);
    });
  }

  it('a rating outside its range, a "not-warned" review, and a list too long', () => {
    agree(ReviewSchema, reviewCheck, { ...review, rating: { value: 9, best: 5 } }, 'rating 9/5');
    agree(ReviewSchema, reviewCheck, { ...review, contentWarnings: 'not-warned' }, 'not-warned');
    agree(ReviewSchema, reviewCheck, { ...review, tags: Array(51).fill('t') }, '51 tags');
    agree(ReviewSchema, reviewCheck, { ...review, work: { ...review.work, type: 'play' } }, 'unknown type');
  });

  it('drops what is malformed and optional, and names it; fails on what is required', () => {
    const broken = {
      ...review,
      work: { ...review.work, year: 'twenty', poster: { width: 2 } },
      cast: [{ x: 1 }, { name: 'B' }],
    };
    const result = parseLenient<{ cast: unknown[] }>(reviewCheck, broken);
    assert.ok('output' in result);
    assert.deepEqual(result.output.cast, [{ name: 'B' }]);
    const failed = parseLenient(reviewCheck, { ...review, work: { ...review.work, title: 42 } });
    assert.ok('failure' in failed);
    assert.deepEqual(failed.failure.path, ['work', 'title']);
  });
});
