import { readFileSync } from 'node:fs';
import type { ReviewInput } from '../src/api/types.js';
import { hashToken } from './http.js';
import { randomToken } from './web-crypto.js';
import type { ReviewStore } from './store/store.js';

const DEMO_REVIEWS = ['ballerina', 'the-glory', 'past-lives'];

/** Relative image URLs in the demo files are relative to /data/; the API serves them from elsewhere. */
function rootRelative(doc: ReviewInput): ReviewInput {
  const base = 'http://seed.invalid/data/document.json';
  const fix = (url: string | undefined) => {
    if (!url) return url;
    const resolved = new URL(url, base);
    return resolved.host === 'seed.invalid' ? resolved.pathname : url;
  };
  return {
    ...doc,
    work: { ...doc.work, poster: doc.work.poster && { ...doc.work.poster, url: fix(doc.work.poster.url)! } },
    cast: doc.cast?.map((c) => ({ ...c, photo: fix(c.photo) })),
    credits: doc.credits?.map((c) => ({ ...c, avatar: fix(c.avatar) })),
  };
}

interface SeedComment {
  name: string;
  body: string;
  at: string;
  spoiler?: boolean;
  replies?: SeedComment[];
}

// A small conversation in our own words, so the demo's thread is not empty on first start.
const BALLERINA_COMMENTS: SeedComment[] = [
  {
    name: 'Hyejin',
    at: '2024-10-21T12:14:00Z',
    body: 'Thank you for putting the warning at the top. I skipped the first ten minutes and still followed everything.',
    replies: [
      { name: 'Mariana Lopes', at: '2024-10-21T13:02:00Z', body: 'That is exactly why it is there. Glad it helped.' },
    ],
  },
  {
    name: 'Tomás',
    at: '2024-10-22T08:40:00Z',
    body: 'The fight scenes are the best choreography I have seen this year. The story is thin, agreed, but the **camera work** carries it.',
    replies: [
      { name: 'Ana', at: '2024-10-22T09:15:00Z', body: 'Same. I rewatched that scene twice.' },
      {
        name: 'Joey',
        at: '2024-10-22T10:30:00Z',
        body: 'The ending felt earned to me: ||she never waits for the police||.',
        spoiler: true,
      },
    ],
  },
  {
    name: 'Min',
    at: '2024-10-23T19:05:00Z',
    body: 'A review that takes the deepfake part seriously. More of this, please.',
  },
];

async function seedThread(
  store: ReviewStore,
  reviewId: string,
  comments: SeedComment[],
  parentId: string | null,
): Promise<void> {
  for (const c of comments) {
    const { record } = await store.createComment(
      {
        reviewId,
        parentId,
        authorName: c.name,
        authorEmail: null,
        body: c.body,
        spoiler: c.spoiler ?? false,
        status: 'published',
        editTokenHash: await hashToken(randomToken(24)),
        createdAt: c.at,
      },
      undefined,
    );
    if (c.replies) await seedThread(store, reviewId, c.replies, record!.id);
  }
}

/** Fills an empty database with the demo reviews and a few comments. Returns what it seeded. */
export async function seedDemo(store: ReviewStore, root: string): Promise<string[]> {
  if (!(await store.isEmpty())) return [];
  for (const id of DEMO_REVIEWS) {
    const doc = JSON.parse(readFileSync(`${root}demo/data/${id}.json`, 'utf8')) as ReviewInput;
    await store.putReview(rootRelative(doc));
  }
  await seedThread(store, 'ballerina', BALLERINA_COMMENTS, null);
  return DEMO_REVIEWS;
}
