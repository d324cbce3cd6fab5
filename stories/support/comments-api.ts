/**
 * The comments API of the `<comment-thread>` and `<comment-count>` stories: the reference server's
 * own routes (server/api.ts) over an in-memory store, answering in the browser through MSW
 * (./real-api.ts). What a story shows — status codes, problem+json, pages and cursors, edit
 * tokens, idempotency, moderation — is what the server does. The threads are ./threads.ts.
 *
 * Every scenario (working, never answering, failing…) has its own base URL and its own store, so
 * all of them can be active at once on a docs page. What readers post lives in memory until the
 * story renders again: call the scenario's `reset` in the story's `beforeEach`.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { ReviewInput } from '../../src/index.js';
import type { MemoryStore } from '../../server/store/memory.js';
import { forward, storyApi, type StoryApi } from './real-api.js';
import { problem } from './review-api.js';
import * as docs from './review-documents.js';
import { REVIEWS, type SeedComment } from './threads.js';

/** Every review id the comments API knows, for the `review` control. */
export const COMMENT_REVIEW_IDS = Object.keys(REVIEWS);

/** How a scenario's API behaves: the real one, or one of these faults in front of it. */
export interface CommentsBehaviour {
  /** Nothing ever answers: the thread stays in its skeleton. */
  never?: boolean;
  /** `GET …/comments` fails (500 every time), or fails once (503) and then works after a short wait. */
  listFails?: 'always' | 'once';
  /** The server pre-moderates (MODERATION=pre): the 201 answer says `status: "pending"`. */
  moderation?: boolean;
  /** `POST …/comments` fails with 503, every time. */
  postFails?: boolean;
}

/** Lets "Sending…" show for a moment, as on a real network. */
const WRITE_DELAY_MS = 600;

/**
 * Posts the seeded threads in the order they were written, so the store's order (sort=oldest)
 * follows their times, as on a server; seeds are nobody's to edit (no edit token).
 */
async function seedThreads(store: MemoryStore): Promise<void> {
  // Ten seconds earlier than asked: the element read its clock a moment before this request,
  // and a comment seeded "60 minutes ago" should not show as "60 minutes" rather than "1 hour".
  const now = Date.now() - 10_000;
  for (const [id, known] of Object.entries(REVIEWS)) {
    await store.putReview({ ...known.document(), id });
    const flat: { seed: SeedComment; at: number; parent?: SeedComment }[] = [];
    const walk = (seed: SeedComment, parent?: SeedComment) => {
      flat.push({ seed, parent, at: now - seed.ago * 60_000 });
      for (const reply of seed.replies ?? []) walk(reply, seed);
    };
    for (const seed of known.seed()) walk(seed);
    flat.sort((a, b) => a.at - b.at);
    const ids = new Map<SeedComment, string>();
    for (const { seed, parent, at } of flat) {
      const { record } = await store.createComment(
        {
          reviewId: id,
          parentId: parent ? ids.get(parent)! : null,
          authorName: seed.name,
          authorEmail: null,
          body: seed.body,
          spoiler: seed.spoiler ?? false,
          status: 'published',
          editTokenHash: '',
          createdAt: new Date(at).toISOString(),
        },
        undefined,
      );
      ids.set(seed, record!.id);
      if (seed.editedAfter)
        await store.updateComment(record!.id, { editedAt: new Date(at + seed.editedAfter * 60_000).toISOString() });
      if (seed.status === 'deleted') await store.setCommentStatus(record!.id, 'deleted');
    }
  }
}

/**
 * One scenario: its base URL (`api`), its MSW `handlers`, and `reset` to forget what was posted
 * (call it in the story's `beforeEach`). The store is seeded on first use after a reset, with
 * times relative to that moment, so "3 hours ago" stays true.
 */
export class CommentsApi {
  /** Base URL, relative to the preview iframe, as the elements' `api` attribute takes it. */
  readonly api: string;
  readonly handlers: HttpHandler[];
  /** `GET …/comments` requests since the last reset (for `listFails: 'once'`). */
  listRequests = 0;
  readonly #prefix: string;
  readonly #behaviour: CommentsBehaviour;
  #server: Promise<StoryApi> | undefined;

  constructor(scenario: string, behaviour: CommentsBehaviour = {}) {
    this.#prefix = `story-api/${scenario}`;
    this.api = `${this.#prefix}/v1`;
    this.#behaviour = behaviour;
    this.handlers = this.#routes(`*/${this.api}`);
  }

  /** Forgets every post, edit and delete, and every Idempotency-Key: the next request seeds afresh. */
  reset = (): void => {
    this.#server = undefined;
    this.listRequests = 0;
  };

  #forward = async (request: Request) => {
    this.#server ??= storyApi(seedThreads, { moderation: this.#behaviour.moderation ? 'pre' : 'post' });
    return forward(await this.#server, this.#prefix, request);
  };

  #routes(base: string): HttpHandler[] {
    const { never, listFails, postFails } = this.#behaviour;
    if (never) {
      return [
        http.all(`${base}/*`, async () => {
          await delay('infinite');
          return new HttpResponse(null, { status: 204 });
        }),
      ];
    }
    return [
      http.get(`${base}/reviews/:id/comments`, async ({ request }) => {
        this.listRequests++;
        if (listFails === 'always')
          return problem(
            500,
            'server-error',
            'Something went wrong on the server',
            'The comments database did not answer in time.',
          );
        if (listFails === 'once' && this.listRequests === 1)
          return problem(
            503,
            'server-error',
            'Something went wrong on the server',
            'The comments service is restarting.',
          );
        if (listFails === 'once') await delay(800);
        return this.#forward(request);
      }),
      http.post(`${base}/reviews/:id/comments`, async ({ request }) => {
        await delay(WRITE_DELAY_MS);
        if (postFails)
          return problem(
            503,
            'server-error',
            'Something went wrong on the server',
            'The comments service is not taking new comments right now.',
          );
        return this.#forward(request);
      }),
      http.all(`${base}/comments/:id`, async ({ request }) => {
        await delay(WRITE_DELAY_MS / 2);
        return this.#forward(request);
      }),
      http.all(`${base}/*`, ({ request }) => this.#forward(request)),
    ];
  }
}

/** The working comments API: every review above, posts published at once. */
export const commentsApi = new CommentsApi('comments');
/** Never answers: the skeleton stays. */
export const loadingCommentsApi = new CommentsApi('comments-loading', { never: true });
/** The review loads, but `GET …/comments` answers 500 every time. */
export const errorCommentsApi = new CommentsApi('comments-error', { listFails: 'always' });
/** `GET …/comments` answers 503 once, then works after a short wait. */
export const flakyCommentsApi = new CommentsApi('comments-flaky', { listFails: 'once' });
/** Pre-moderated: every post comes back `pending`. */
export const moderatedCommentsApi = new CommentsApi('comments-moderated', { moderation: true });
/** Every post fails with 503. */
export const postFailsCommentsApi = new CommentsApi('comments-post-fails', { postFails: true });

export const COMMENTS_API = commentsApi.api;

// ---------------------------------------------------------------------------------------------
// Many counts on one page: a listing of 30 reviews, each with a <comment-count>.
// ---------------------------------------------------------------------------------------------

/** Thirty reviews for a listing page, with that many comments each. */
export const LISTED_REVIEWS: { id: string; title: string; count: number }[] = [
  'Ballerina',
  'Past Lives',
  'The Glory',
  'Parasite',
  'Burning',
  'Decision to Leave',
  'Minari',
  'The Handmaiden',
  'Mother',
  'Oldboy',
  'Memories of Murder',
  'Train to Busan',
  'The Wailing',
  'Poetry',
  'Secret Sunshine',
  'Broker',
  'Little Forest',
  'Kim Ji-young: Born 1982',
  'Hometown Cha-Cha-Cha',
  'Crash Landing on You',
  'My Mister',
  'Reply 1988',
  'Squid Game',
  'Extraordinary Attorney Woo',
  'Move to Heaven',
  'Signal',
  'Kingdom',
  'Mr. Sunshine',
  'Stranger',
  'Our Blues',
].map((title, i) => ({
  id: title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, ''),
  title,
  count: [0, 1, 2, 3, 5, 8, 12, 21, 34, 55, 89, 144, 1234][i % 13],
}));

/** The listing's reviews with their comments, written as an import would (one call, no hashing). */
let listing: Promise<StoryApi> | undefined;
const listingApi = () =>
  (listing ??= storyApi(async (store) => {
    const createdAt = new Date(Date.now() - 86_400_000).toISOString();
    for (const { id, title, count } of LISTED_REVIEWS) {
      await store.putReview({ ...docs.ballerina(), id, title } satisfies ReviewInput);
      const records = Array.from({ length: count }, (_, n) => {
        const commentId = `${id}-${n}`;
        return {
          id: commentId,
          reviewId: id,
          parentId: null,
          rootId: commentId,
          depth: 0,
          authorName: 'Reader',
          authorEmailHash: null,
          body: `Comment ${n + 1}`,
          status: 'published' as const,
          createdAt,
          sourceId: commentId,
        };
      });
      await store.importComments('stories', records);
    }
  }));

interface CountsSession {
  requests: number;
  ids: number;
  output: HTMLOutputElement;
}
const countSessions = new Map<string, CountsSession>();
let countSessionSeq = 0;

/**
 * A fresh base URL for one render of the many-counts story, with an `<output>` that shows how many
 * `comment-counts` requests it has answered. The counts of a page are cached page-wide per API, so
 * a fresh URL each render is what makes the request happen (and be counted) again.
 */
export function countsSession(): { api: string; output: HTMLOutputElement } {
  const id = `s${++countSessionSeq}`;
  const output = document.createElement('output');
  output.textContent = 'none yet';
  countSessions.set(id, { requests: 0, ids: 0, output });
  return { api: `story-api/counts-many/${id}/v1`, output };
}

export const manyCountsHandler = http.get(
  '*/story-api/counts-many/:session/v1/comment-counts',
  async ({ params, request }) => {
    const session = countSessions.get(String(params.session));
    const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean);
    if (session) {
      session.requests += 1;
      session.ids += ids.length;
      session.output.textContent = `${session.requests} ${session.requests === 1 ? 'request' : 'requests'}, for ${session.ids} ids`;
    }
    await delay(300);
    return forward(await listingApi(), `story-api/counts-many/${String(params.session)}`, request);
  },
);

/** Every scenario's handlers, for a meta's `parameters.msw.handlers` (docs pages show all stories). */
export const allCommentHandlers: HttpHandler[] = [
  ...commentsApi.handlers,
  ...loadingCommentsApi.handlers,
  ...errorCommentsApi.handlers,
  ...flakyCommentsApi.handlers,
  ...moderatedCommentsApi.handlers,
  ...postFailsCommentsApi.handlers,
  manyCountsHandler,
];
