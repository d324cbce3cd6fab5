/**
 * An in-memory comments API for the `<comment-thread>` and `<comment-count>` stories, served by MSW.
 * It keeps the v1 contract (the same routes, shapes, status codes and `application/problem+json`
 * errors as the reference server in `server/`), small enough to read:
 *
 * - `GET  {api}/reviews/{id}`: the review document (`comments.open`, a live `commentCount`);
 * - `GET  {api}/reviews/{id}/comments?sort=oldest|newest|top&cursor&limit`: top-level comments
 *   with their whole visible subtree, a cursor to the next page and the published `total`;
 * - `POST {api}/reviews/{id}/comments`: 201 with `editToken` and `editableUntil`; an
 *   `Idempotency-Key` seen before answers with the first answer again, never a duplicate;
 * - `PATCH` / `DELETE {api}/comments/{id}` with `Authorization: Bearer <editToken>`;
 * - `GET  {api}/comment-counts?ids=a,b`: published comments per known review.
 *
 * Every scenario (working, never answering, failing…) has its own base URL, as in review-api.ts,
 * so all of them can be active at once on a docs page. What readers post lives in memory until
 * the story renders again: call the scenario's `reset` in the story's `beforeEach`.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Comment, ReviewInput } from '../../src/index.js';
import { problem } from './review-api.js';
import * as docs from './review-documents.js';

/** A comment as a story seeds it; times are minutes before the story opened. */
export interface SeedComment {
  name: string;
  body: string;
  /** Minutes before the story opened that it was posted. */
  ago: number;
  spoiler?: boolean;
  /** Minutes after posting that it was edited. */
  editedAfter?: number;
  status?: 'published' | 'deleted';
  replies?: SeedComment[];
}

// ---------------------------------------------------------------------------------------------
// Threads. Written for these stories; the readers, their names and what they say are invented.
// ---------------------------------------------------------------------------------------------

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * A conversation under the Ballerina review: 12 published comments (so `<comment-count>` says
 * "12 comments"), with replies two deep, a spoiler comment, an inline `||spoiler||`, a comment in
 * Korean, and the markdown subset (bold, italic, code, a quote, a bare link and a labelled one).
 */
export function ballerinaConversation(): SeedComment[] {
  return [
    {
      name: 'Hana Kim',
      ago: 3 * DAY,
      body: 'Watched it last night, and the hallway fight alone is worth the 93 minutes. What stayed with me is that the film never makes Ok-ju *earn* her anger. It just lets her have it.',
      replies: [
        {
          name: 'Marcus Webb',
          ago: 3 * DAY - 40,
          body: '> It just lets her have it.\n\nExactly this. Most revenge films spend an hour on the set-up; this one gets it done in ten minutes and then **goes**.',
          replies: [
            {
              name: 'Hana Kim',
              ago: 3 * DAY - 95,
              body: "Ha, yes. I'd still have taken one more scene of her and Min-hee before it all happens, though. Their friendship is the whole engine of the film.",
            },
          ],
        },
      ],
    },
    {
      name: 'Priya Natarajan',
      ago: 2 * DAY,
      spoiler: true,
      body: "About the ending: there is no big speech and no last-minute explanation. The film trusts the image and lets it be enough. I loved that more than any of the fights.",
      replies: [
        {
          name: "Tom O'Brien",
          ago: 2 * DAY - 3 * HOUR,
          body: "Agreed about the ending, but I wanted ten more minutes with the villain. He's menacing, and yet we learn almost nothing about who he is.",
        },
      ],
    },
    {
      name: 'Sofía Ramírez',
      ago: DAY,
      editedAfter: 12,
      body: 'If this one worked for you, the site keeps a list of Korean revenge films: https://dramas.example/lists/korean-revenge-films.\n\nOne tip: watch it with the **original Korean audio** and subtitles. The dub flattens every quiet scene, and the film has more of them than the trailer suggests. See also [the review’s section on the action](https://dramas.example/reviews/ballerina#action).',
    },
    {
      name: '박민서',
      ago: 10 * HOUR,
      body: '자막 없이 봐도 액션은 다 따라갈 수 있어요. 그래도 *원어*로 보는 걸 추천합니다. 배우들 목소리 연기가 정말 좋아요.',
      replies: [
        {
          name: 'Devika S.',
          ago: 9 * HOUR,
          body: "A small note for subtitle nerds: the Korean title, `발레리나`, is simply the loanword for *ballerina*, so the English title loses nothing in translation.",
        },
      ],
    },
    {
      name: 'Alex Morgan',
      ago: 3 * HOUR,
      body: "I went in expecting *John Wick* with a new coat of paint. It's smaller and angrier than that, and ||watching Ok-ju finally corner Choi Pro|| was the most satisfying ten minutes I've had in a cinema seat all year. Well, on a sofa.",
      replies: [
        {
          name: 'Marcus Webb',
          ago: 2 * HOUR + 30,
          body: 'The *John Wick* comparison works for the marketing, less for the film. Wick is about a whole world with rules; this is about one friendship and one debt.',
        },
      ],
    },
    {
      name: 'Lena Fischer',
      ago: 45,
      body: "A question for the reviewer: is the 18 rating mostly for the violence, or for what happens to Min-hee? I'd like to know before I watch it with my sister.",
      replies: [
        {
          name: 'Joey',
          ago: 20,
          body: 'Both, I’m afraid. The violence is frequent and bloody, and what happened to Min-hee drives the whole story even when it is not on screen. The content warnings at the top of the review list everything, with notes.',
        },
      ],
    },
  ];
}

/** One comment, for "1 comment". */
const oneComment = (): SeedComment[] => [
  {
    name: 'Yoon Ji-ae',
    ago: 5 * HOUR,
    body: 'Finally a revenge drama where the plan is as satisfying as the payoff. The review is spot on about the pacing of the second half.',
  },
];

/** Whole-comment spoilers, inline spoilers (with markup inside), a spoiler reply, and `||` left open. */
export function spoilerThread(): SeedComment[] {
  return [
    {
      name: 'Chris Park',
      ago: 2 * DAY,
      spoiler: true,
      body: 'The friendship flashbacks hit much harder on a second watch, once you know how little time the two of them have left together.',
    },
    {
      name: 'Yuna Choi',
      ago: DAY,
      body: "Two moments I keep thinking about: ||the farewell note|| and ||the final confrontation||. Don't press those if you haven't seen it!",
    },
    {
      name: 'Ivan Petrov',
      ago: 20 * HOUR,
      body: 'Is the ending as bleak as the beginning? I need to know what kind of evening I am signing up for.',
      replies: [
        {
          name: 'Oksana Bondar',
          ago: 19 * HOUR,
          spoiler: true,
          body: 'No: it is cathartic rather than bleak. She gets what she came for, and the film does not punish her for it.',
        },
      ],
    },
    {
      name: 'Mina Seo',
      ago: 6 * HOUR,
      spoiler: true,
      body: 'A spoiler comment with a spoiler inside it: even after you open this one, ||**Choi Pro** never sees it coming, see [the review](https://dramas.example/reviews/ballerina)|| stays hidden until you press it.',
    },
    {
      name: 'Sam Lee',
      ago: 2 * HOUR,
      body: 'Markers that are never closed stay as typed: ||this is not a spoiler, just two pipes.',
    },
  ];
}

/** A reply chain seven deep (each answering the one before), and one comment beside it. */
export function deepChain(): SeedComment[] {
  const chain: [string, string][] = [
    ['Hana Kim', 'Hot take: the film is twenty minutes too short, not too long.'],
    ['Marcus Webb', 'Disagree. The lean runtime is the point; any longer and the revenge would start to feel like a chore.'],
    ['Hana Kim', 'But the villain needs more room. Right now he is a silhouette with a phone.'],
    ['Priya Natarajan', 'Isn’t that deliberate? Men like him are interchangeable, and the film refuses to make him interesting.'],
    ['Marcus Webb', 'That is a generous reading, but I think it is the right one.'],
    ["Tom O'Brien", 'Coming back to this a week later: I watched it again, and Priya’s reading holds up.'],
    ['Hana Kim', 'Fine, fine. I’ll watch it again too. “Twenty minutes too short” is now ten.'],
  ];
  let reply: SeedComment | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const [name, body] = chain[i];
    reply = { name, body, ago: 7 * DAY - i * 9 * HOUR, ...(reply ? { replies: [reply] } : {}) };
  }
  return [reply!, { name: 'Lena Fischer', ago: HOUR, body: 'Reading this thread is more fun than most film criticism.' }];
}

/** A 10 000-character word (the longest body the API accepts), long paragraphs, a long URL, long CJK text. */
export function longTextThread(): SeedComment[] {
  const word = `A${'a'.repeat(9991)}rgh!!!!!`;
  const paragraphs = [
    'I want to write down properly why this film worked for me when so many revenge thrillers leave me cold, because I think the review gets close to it without quite saying it. Most films in this genre treat the wronged woman as a pretext: something terrible happens to her in the first act, and from then on the film is really about the avenger’s competence, the gadgets, the set pieces, the body count. Ballerina is built the other way round. Every fight is staged as an argument with the memory of Min-hee, and the film keeps cutting back to small, unremarkable moments between the two friends, so that the violence never quite becomes the point.',
    'The second thing is the colour. The review mentions the pink and red palette, and on a second watch I noticed how carefully it is rationed: the warm colours belong to the friendship, and the cold blues and greens to everything Choi Pro touches. When Ok-ju walks into his world, the frame drains; when she remembers Min-hee, it fills again. It is not subtle, but it does not need to be. It turns a very simple plot into something that feels like a piece of choreography, which is fitting for a film with this title.',
    'Third, and this is where I part ways with some of the other comments: I do not think the villain is underwritten. He is written exactly as much as he deserves. The film is not interested in his childhood or his reasons, and neither am I. What it is interested in is the system around him, the customers, the app, the people who look away, and the film is angriest about them. That anger is the reason the final act lands. By the time it arrives, it is not about one man any more; it is about taking up space that was never offered.',
    'Finally, a word for the sound design, which nobody seems to talk about. The quiet scenes are genuinely quiet. There is a stretch in the middle where the only sounds are footsteps and a fridge humming, and it is more tense than any of the shoot-outs. If you can, watch it with good headphones.',
  ];
  return [
    { name: 'Aleksandr Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh de la Fuente', ago: 2 * DAY, body: word },
    { name: 'Mariam Haddad', ago: DAY, body: paragraphs.join('\n\n') },
    {
      name: 'Link Collector',
      ago: 5 * HOUR,
      body: 'The full interview is here: https://dramas.example/interviews/2023/ballerina/the-stunt-team-on-the-hallway-fight-and-how-they-rehearsed-it-for-six-weeks?utm_source=newsletter&utm_medium=email&utm_campaign=korean-cinema-weekly-edition-forty-two',
    },
    {
      name: '林美玲',
      ago: 2 * HOUR,
      body: '这部电影的动作场面非常出色，每一场打斗都像是在跳舞，而不是单纯的暴力展示。'.repeat(8),
    },
  ];
}

/**
 * Text that would be dangerous if it were ever treated as HTML or as a link: every comment must
 * show exactly these characters, run nothing, load nothing and keep the layout.
 */
export function hostileThread(): SeedComment[] {
  return [
    {
      name: '<script>alert("name")</script>',
      ago: 3 * HOUR,
      body: '<script>alert("xss")</script>\n<img src=x onerror="alert(\'img\')">\n<svg onload=alert(1)></svg>',
    },
    {
      name: 'Mallory',
      ago: 2 * HOUR,
      body: '[a harmless link](javascript:alert(\'link\'))\n\njavascript:alert(document.cookie)\n\n<a href="javascript:alert(1)">click me</a>\n\n[data link](data:text/html,<script>alert(1)</script>)',
    },
    {
      name: 'Eve\u202E',
      ago: HOUR,
      body: 'An override character in the text: invoice\u202Efdp.exe, and in the name of this author.',
    },
    {
      name: 'Trudy',
      ago: 30,
      body: '<style>* { display: none !important }</style>\n<iframe src="https://example.com"></iframe>\n</textarea><b>not bold</b> &lt;b&gt;entities&lt;/b&gt; {{constructor.constructor("alert(1)")()}} ${alert(1)}',
    },
    {
      name: 'Z̴̢̛a̶͎͝l̷̙̈g̸̱̓o̵̰͌',
      ago: 10,
      body: 'T̶̡̛h̷̙͝ḯ̵͜s̴̱̈ ̷̢̛c̶͎͝ö̷̙m̸̱̓m̵̰͌e̴̢̛n̶͎͝ẗ̷̙ stacks combining marks above and below the line.',
    },
  ];
}

const VIEWERS = [
  'Hana Kim', 'Marcus Webb', 'Priya Natarajan', "Tom O'Brien", 'Sofía Ramírez', '박민서', 'Devika S.', 'Alex Morgan',
  'Lena Fischer', '林美玲', 'Yuna Choi', 'Ivan Petrov', 'ليلى حداد', 'Greta Lindqvist', 'Amara Okafor', '王思远',
  'Chris Park', 'Nikolai Petrov', '이지안', 'Pierre-Étienne Beaumont',
];
const OPENERS = [
  'Just finished it.', 'Second watch tonight.', 'Finally got round to this one.', 'Saw it at a festival screening.',
  'Watched it with my book club.', 'Late to this, but:', 'Put it on expecting background noise.', 'Third time now.',
];
const TAKES = [
  'The hallway fight is the best choreography I have seen this year.',
  'The pink and red palette is doing a lot of the storytelling.',
  'Jeon Jong-seo carries every scene without raising her voice.',
  'The villain is meant to be forgettable, and that is the point.',
  'It is shorter than it looks, and it never drags.',
  'The friendship flashbacks are what make the fights matter.',
  'The score is sparse and all the better for it.',
  'I wish the middle act had one more quiet scene.',
  'The review is right about the catharsis.',
  'It is a simple story told with real conviction.',
];
const CLOSERS = ['', ' Great review, by the way.', ' Curious what others think.', ' **Recommended.**', ' *Not for everyone*, though.', ' Five stars from me.'];

/** A small deterministic random sequence, so the generated thread (and its screenshots) never change. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 200 generated comments: 160 top-level (eight pages of 20) and 40 replies. The third comment has
 * eight replies ("Show 3 more replies"); every fifth has one.
 */
export function twoHundredComments(): SeedComment[] {
  const next = random(2023);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const say = () => `${pick(OPENERS)} ${pick(TAKES)}${pick(CLOSERS)}`;
  const top: SeedComment[] = [];
  for (let i = 0; i < 160; i++) {
    const ago = (160 - i) * 4 * HOUR;
    const replyCount = i === 2 ? 8 : (i + 1) % 5 === 0 ? 1 : 0;
    const replies = Array.from({ length: replyCount }, (_, k) => ({ name: pick(VIEWERS), ago: ago - (k + 1) * 17, body: say() }));
    top.push({ name: pick(VIEWERS), ago, body: say(), replies });
  }
  return top;
}

// ---------------------------------------------------------------------------------------------
// The reviews the fake API knows, and its store.
// ---------------------------------------------------------------------------------------------

const variant = (id: string, title: string, open = true) => (): ReviewInput => ({
  ...docs.ballerina(),
  id,
  title,
  comments: { open },
});

interface KnownReview {
  document: () => ReviewInput;
  seed: () => SeedComment[];
}

/** Review ids the comments API knows, each with its document and its first comments. */
const REVIEWS: Record<string, KnownReview> = {
  ballerina: { document: docs.ballerina, seed: ballerinaConversation },
  'past-lives': { document: docs.pastLives, seed: () => [] },
  'the-glory': { document: docs.theGlory, seed: oneComment },
  closed: { document: variant('closed', 'Ballerina (comments closed)', false), seed: () => ballerinaConversation().slice(0, 2) },
  spoilers: { document: variant('spoilers', 'Ballerina: the spoiler thread'), seed: spoilerThread },
  'deep-nesting': { document: variant('deep-nesting', 'Ballerina: a long argument'), seed: deepChain },
  'long-text': { document: variant('long-text', 'Ballerina: long comments'), seed: longTextThread },
  hostile: { document: variant('hostile', 'Ballerina: hostile comments'), seed: hostileThread },
  'two-hundred': { document: variant('two-hundred', 'Ballerina: 200 comments'), seed: twoHundredComments },
};

/** Every review id the comments API knows, for the `review` control. */
export const COMMENT_REVIEW_IDS = Object.keys(REVIEWS);

type Status = 'published' | 'pending' | 'deleted';

interface Stored {
  id: string;
  seq: number;
  reviewId: string;
  parentId: string | null;
  name: string;
  body: string;
  spoiler: boolean;
  createdAt: string;
  editedAt: string | null;
  status: Status;
  /** Set for comments posted in this session: the author's token and the end of the edit window. */
  token?: string;
  editableUntil?: number;
}

/** How a scenario's API behaves. */
export interface CommentsBehaviour {
  /** Nothing ever answers: the thread stays in its skeleton. */
  never?: boolean;
  /** `GET …/comments` fails (500 every time), or fails once (503) and then works after a short wait. */
  listFails?: 'always' | 'once';
  /** Posted comments wait for moderation: the 201 answer says `status: "pending"`. */
  moderation?: boolean;
  /** `POST …/comments` fails with 503, every time. */
  postFails?: boolean;
}

/** The server's edit window. */
const EDIT_WINDOW_MS = 15 * 60 * 1000;
const MAX_BODY = 10_000;
const MAX_NAME = 80;
/** Lets "Sending…" show for a moment, as on a real network. */
const WRITE_DELAY_MS = 600;

const noCache = { 'Cache-Control': 'no-cache' };
const invalidBody = (detail: string) => problem(400, 'invalid-body', 'Invalid body', detail);

type SortKey = (number | string)[];
function encodeCursor(sort: string, key: SortKey): string {
  return btoa(JSON.stringify([sort, ...key]));
}
function decodeCursor(sort: string, cursor: string | null): SortKey | undefined | 'invalid' {
  if (!cursor) return undefined;
  try {
    const [kind, ...key] = JSON.parse(atob(cursor)) as [string, ...SortKey];
    return kind === sort ? key : 'invalid';
  } catch {
    return 'invalid';
  }
}

const token = () => `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');

/**
 * One scenario of the fake API: its base URL (`api`), its MSW `handlers`, and `reset` to forget
 * what was posted (call it in the story's `beforeEach`). Comments are seeded on first use after a
 * reset, with times relative to that moment, so "3 hours ago" stays true.
 */
export class CommentsApi {
  /** Base URL, relative to the preview iframe, as the elements' `api` attribute takes it. */
  readonly api: string;
  readonly handlers: HttpHandler[];
  /** `GET …/comments` requests since the last reset (for `listFails: 'once'`). */
  listRequests = 0;
  readonly #behaviour: CommentsBehaviour;
  #threads = new Map<string, Stored[]>();
  #idempotency = new Map<string, { hash: string; body: unknown }>();
  #seq = 0;

  constructor(scenario: string, behaviour: CommentsBehaviour = {}) {
    this.api = `story-api/${scenario}/v1`;
    this.#behaviour = behaviour;
    this.handlers = this.#routes(`*/${this.api}`);
  }

  /** Forgets every post, edit and delete, and every Idempotency-Key: the next request seeds afresh. */
  reset = (): void => {
    this.#threads.clear();
    this.#idempotency.clear();
    this.listRequests = 0;
  };

  /** The stored comments of a known review, seeded on first use. */
  #thread(reviewId: string): Stored[] | undefined {
    const known = REVIEWS[reviewId];
    if (!known) return undefined;
    let thread = this.#threads.get(reviewId);
    if (!thread) {
      thread = [];
      // Ten seconds earlier than asked: the element read its clock a moment before this request,
      // and a comment seeded "60 minutes ago" should not show as "60 minutes" rather than "1 hour".
      const now = Date.now() - 10_000;
      // Seeds list each comment before its replies; seq follows posting time, as on a server.
      const add = (seed: SeedComment, parentId: string | null) => {
        const createdAt = now - seed.ago * 60_000;
        const stored: Stored = {
          id: `${reviewId}-${thread!.length + 1}`,
          seq: 0,
          reviewId,
          parentId,
          name: seed.name,
          body: seed.status === 'deleted' ? '' : seed.body,
          spoiler: seed.spoiler ?? false,
          createdAt: new Date(createdAt).toISOString(),
          editedAt: seed.editedAfter ? new Date(createdAt + seed.editedAfter * 60_000).toISOString() : null,
          status: seed.status ?? 'published',
        };
        thread!.push(stored);
        for (const reply of seed.replies ?? []) add(reply, stored.id);
      };
      for (const seed of known.seed()) add(seed, null);
      thread.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      for (const c of thread) c.seq = ++this.#seq;
      this.#threads.set(reviewId, thread);
    }
    return thread;
  }

  #find(id: string): Stored | undefined {
    for (const reviewId of Object.keys(REVIEWS)) {
      const found = this.#thread(reviewId)!.find((c) => c.id === id);
      if (found) return found;
    }
    return undefined;
  }

  #published(reviewId: string): number {
    return this.#thread(reviewId)?.filter((c) => c.status === 'published').length ?? 0;
  }

  /** Published comments anywhere below this one. */
  #publishedBelow(thread: Stored[], c: Stored): number {
    return thread.filter((r) => r.parentId === c.id).reduce((n, r) => n + (r.status === 'published' ? 1 : 0) + this.#publishedBelow(thread, r), 0);
  }

  /** Listed while published, or deleted with published replies below (shown as "[deleted]"). Pending is not listed. */
  #visible(thread: Stored[], c: Stored): boolean {
    return c.status === 'published' || (c.status === 'deleted' && this.#publishedBelow(thread, c) > 0);
  }

  /** A stored comment on the wire, with its visible replies, oldest first. */
  #wire(thread: Stored[], c: Stored): Comment {
    const deleted = c.status === 'deleted';
    return {
      id: c.id,
      parentId: c.parentId,
      author: { name: deleted ? '' : c.name },
      body: deleted ? '' : c.body,
      spoiler: c.spoiler,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      status: c.status,
      replies: thread.filter((r) => r.parentId === c.id && this.#visible(thread, r)).map((r) => this.#wire(thread, r)),
      replyCount: this.#publishedBelow(thread, c),
    };
  }

  #document(reviewId: string) {
    const known = REVIEWS[reviewId];
    if (!known) return undefined;
    return { ...known.document(), id: reviewId, commentCount: this.#published(reviewId) };
  }

  #routes(base: string): HttpHandler[] {
    if (this.#behaviour.never) {
      return [
        http.all(`${base}/*`, async () => {
          await delay('infinite');
          return new HttpResponse(null, { status: 204 });
        }),
      ];
    }
    const notFound = (what: string) => problem(404, 'not-found', 'Not found', `There is no ${what}.`);
    return [
      http.get(`${base}/reviews/:id`, ({ params }) => {
        const doc = this.#document(String(params.id));
        return doc ? HttpResponse.json(doc, { headers: noCache }) : notFound(`review with id "${String(params.id)}"`);
      }),

      http.get(`${base}/reviews/:id/comments`, async ({ params, request }) => {
        this.listRequests++;
        const fails = this.#behaviour.listFails;
        if (fails === 'always') return problem(500, 'server-error', 'Internal server error', 'The comments database did not answer in time.');
        if (fails === 'once' && this.listRequests === 1) return problem(503, 'server-error', 'Service unavailable', 'The comments service is restarting.');
        if (fails === 'once') await delay(800);
        const reviewId = String(params.id);
        const thread = this.#thread(reviewId);
        if (!thread) return notFound(`review with id "${reviewId}"`);
        const query = new URL(request.url).searchParams;
        const sort = query.get('sort') ?? 'oldest';
        if (!['oldest', 'newest', 'top'].includes(sort)) return problem(400, 'invalid-query', 'Invalid query', 'sort must be oldest, newest or top');
        const limitText = query.get('limit') ?? '20';
        const limit = Number(limitText);
        if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) return problem(400, 'invalid-query', 'Invalid query', 'limit must be a whole number from 1 to 100');
        const after = decodeCursor(sort, query.get('cursor'));
        if (after === 'invalid') return problem(400, 'invalid-query', 'Invalid query', 'cursor is not one this API gave out for this sort');

        const score = (c: Stored) => this.#publishedBelow(thread, c);
        let roots = thread.filter((c) => c.parentId === null && this.#visible(thread, c));
        if (sort === 'newest') roots.reverse();
        if (sort === 'top') roots.sort((a, b) => score(b) - score(a) || a.seq - b.seq);
        if (after) {
          roots = roots.filter((c) => {
            if (sort === 'oldest') return c.seq > Number(after[0]);
            if (sort === 'newest') return c.seq < Number(after[0]);
            const [s, q] = after.map(Number);
            return score(c) < s || (score(c) === s && c.seq > q);
          });
        }
        const page = roots.slice(0, limit);
        const last = page.at(-1);
        const nextCursor = roots.length > limit && last ? encodeCursor(sort, sort === 'top' ? [score(last), last.seq] : [last.seq]) : null;
        return HttpResponse.json(
          { items: page.map((c) => this.#wire(thread, c)), nextCursor, total: this.#published(reviewId) },
          { headers: noCache },
        );
      }),

      http.post(`${base}/reviews/:id/comments`, async ({ params, request }) => {
        await delay(WRITE_DELAY_MS);
        if (this.#behaviour.postFails) {
          return problem(503, 'server-error', 'Service unavailable', 'The comments service is not taking new comments right now.');
        }
        const reviewId = String(params.id);
        const thread = this.#thread(reviewId);
        if (!thread) return notFound(`review with id "${reviewId}"`);
        if (!this.#document(reviewId)!.comments?.open) {
          return problem(403, 'comments-closed', 'Comments are closed', 'This review does not take comments.');
        }
        let input: { author?: { name?: unknown }; body?: unknown; parentId?: unknown; spoiler?: unknown; website?: unknown };
        const raw = await request.text();
        try {
          input = JSON.parse(raw);
        } catch {
          return invalidBody('The body is not JSON.');
        }
        const name = typeof input.author?.name === 'string' ? input.author.name.trim() : '';
        const body = typeof input.body === 'string' ? input.body : '';
        if (!name || name.length > MAX_NAME) return invalidBody(`author.name: 1 to ${MAX_NAME} characters`);
        if (!body.trim() || body.length > MAX_BODY) return invalidBody(`body: 1 to ${MAX_BODY} characters`);
        const parentId = typeof input.parentId === 'string' ? input.parentId : null;

        const key = request.headers.get('Idempotency-Key');
        const hash = JSON.stringify([reviewId, raw]);
        const seen = key ? this.#idempotency.get(`${reviewId}:${key}`) : undefined;
        if (seen) {
          if (seen.hash !== hash) return problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This key was used for a different comment.');
          return HttpResponse.json(seen.body as Record<string, unknown>, { status: 201, headers: { 'Idempotent-Replayed': 'true' } });
        }
        if (parentId) {
          const parent = thread.find((c) => c.id === parentId);
          if (!parent || parent.status !== 'published') {
            return problem(422, 'invalid-parent', 'Invalid parent', `There is no published comment ${parentId} on this review.`);
          }
        }
        const now = Date.now();
        const stored: Stored = {
          id: `c_${crypto.randomUUID().slice(0, 12)}`,
          seq: ++this.#seq,
          reviewId,
          parentId,
          name,
          body,
          spoiler: input.spoiler === true,
          createdAt: new Date(now).toISOString(),
          editedAt: null,
          status: this.#behaviour.moderation ? 'pending' : 'published',
          token: token(),
          editableUntil: now + EDIT_WINDOW_MS,
        };
        // The honeypot was filled in: a bot. Answer as if it worked, store nothing.
        if (typeof input.website !== 'string' || !input.website) thread.push(stored);
        else stored.status = 'pending';
        const answer = { ...this.#wire(thread, stored), editToken: stored.token, editableUntil: new Date(stored.editableUntil!).toISOString() };
        if (key) this.#idempotency.set(`${reviewId}:${key}`, { hash, body: answer });
        return HttpResponse.json(answer, { status: 201, headers: { Location: `/v1/comments/${stored.id}` } });
      }),

      http.patch(`${base}/comments/:id`, async ({ params, request }) => {
        await delay(WRITE_DELAY_MS / 2);
        const auth = this.#authorise(String(params.id), request);
        if (auth instanceof Response) return auth;
        let changes: { body?: unknown; spoiler?: unknown };
        try {
          changes = (await request.json()) as { body?: unknown; spoiler?: unknown };
        } catch {
          return invalidBody('The body is not JSON.');
        }
        if (changes.body !== undefined && (typeof changes.body !== 'string' || !changes.body.trim() || changes.body.length > MAX_BODY)) {
          return invalidBody(`body: 1 to ${MAX_BODY} characters`);
        }
        if (typeof changes.body === 'string') auth.body = changes.body;
        if (typeof changes.spoiler === 'boolean') auth.spoiler = changes.spoiler;
        auth.editedAt = new Date().toISOString();
        return HttpResponse.json(this.#wire(this.#thread(auth.reviewId)!, auth));
      }),

      http.delete(`${base}/comments/:id`, async ({ params, request }) => {
        await delay(WRITE_DELAY_MS / 2);
        const auth = this.#authorise(String(params.id), request);
        if (auth instanceof Response) return auth;
        auth.status = 'deleted';
        return new HttpResponse(null, { status: 204 });
      }),

      http.get(`${base}/comment-counts`, ({ request }) => {
        const ids = [...new Set((new URL(request.url).searchParams.get('ids') ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
        if (!ids.length) return problem(400, 'invalid-query', 'Invalid query', 'ids: give at least one review id');
        if (ids.length > 100) return problem(400, 'invalid-query', 'Invalid query', 'ids: at most 100 review ids per request');
        // Unknown ids are left out, as the real API does.
        const counts = Object.fromEntries(ids.filter((id) => id in REVIEWS).map((id) => [id, this.#published(id)]));
        return HttpResponse.json({ counts }, { headers: noCache });
      }),
    ];
  }

  /** The comment an `Authorization: Bearer <editToken>` may change, or the problem to answer with. */
  #authorise(id: string, request: Request): Stored | Response {
    const comment = this.#find(id);
    if (!comment || comment.status === 'deleted') return problem(404, 'not-found', 'Not found', `There is no comment ${id}.`);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
    if (!bearer) return problem(401, 'unauthorized', 'Unauthorized', 'Send Authorization: Bearer <editToken>.');
    if (!comment.token || bearer !== comment.token) return problem(403, 'forbidden', 'Forbidden', 'This token cannot change this comment.');
    if (Date.now() > comment.editableUntil!) return problem(403, 'edit-window-closed', 'Edit window closed', 'The time to change this comment has passed.');
    return comment;
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

/** Thirty reviews for a listing page; the counts are made up. */
export const LISTED_REVIEWS: { id: string; title: string; count: number }[] = [
  'Ballerina', 'Past Lives', 'The Glory', 'Parasite', 'Burning', 'Decision to Leave', 'Minari', 'The Handmaiden', 'Mother',
  'Oldboy', 'Memories of Murder', 'Train to Busan', 'The Wailing', 'Poetry', 'Secret Sunshine', 'Broker', 'Little Forest',
  'Kim Ji-young: Born 1982', 'Hometown Cha-Cha-Cha', 'Crash Landing on You', 'My Mister', 'Reply 1988', 'Squid Game',
  'Extraordinary Attorney Woo', 'Move to Heaven', 'Signal', 'Kingdom', 'Mr. Sunshine', 'Stranger', 'Our Blues',
].map((title, i) => ({
  id: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, ''),
  title,
  count: [0, 1, 2, 3, 5, 8, 12, 21, 34, 55, 89, 144, 1234][i % 13],
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

export const manyCountsHandler = http.get('*/story-api/counts-many/:session/v1/comment-counts', async ({ params, request }) => {
  const session = countSessions.get(String(params.session));
  const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean);
  if (session) {
    session.requests += 1;
    session.ids += ids.length;
    session.output.textContent = `${session.requests} ${session.requests === 1 ? 'request' : 'requests'}, for ${session.ids} ids`;
  }
  await delay(300);
  const counts = Object.fromEntries(LISTED_REVIEWS.filter((r) => ids.includes(r.id)).map((r) => [r.id, r.count]));
  return HttpResponse.json({ counts }, { headers: noCache });
});

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
