/**
 * An in-memory admin API for the `<review-editor>` and `<comment-moderation>` stories, served by
 * MSW under its own base URL, with the reference server's admin routes and shapes (server/routes/
 * admin-*.ts): one review, a queue with a reported comment, bans, uploads. `reset()` forgets changes.
 */
import { http, HttpResponse } from 'msw';
import type { ReviewInput } from '../../src/index.js';
import { problem } from './review-api.js';
import * as docs from './review-documents.js';

export const ADMIN_API = 'https://admin.example/v1';

interface Item {
  id: string;
  reviewId: string;
  reviewTitle: string;
  body: string;
  spoiler: boolean;
  createdAt: string;
  status: string;
  author: { name: string; email: string | null; emailHash: string | null };
  clientIp: string | null;
  reports: number;
  reasons: string[];
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function seedQueue(): Item[] {
  const base = {
    reviewId: 'ballerina',
    reviewTitle: 'Ballerina',
    spoiler: false,
    parentId: null,
    editedAt: null,
    reports: 0,
    reasons: [] as string[],
  };
  return [
    {
      ...base,
      id: 'q1',
      body: 'This is **spam**: buy followers at https://spam.example',
      createdAt: ago(5),
      status: 'pending',
      author: { name: 'Promo Bot', email: 'bot@spam.example', emailHash: 'a'.repeat(64) },
      clientIp: '203.0.113.7',
      reports: 2,
      reasons: ['spam'],
    },
    {
      ...base,
      id: 'q2',
      body: 'Thank you for the warning at the top.\n\n> I skipped the first ten minutes.',
      createdAt: ago(30),
      status: 'pending',
      author: { name: 'Hyejin', email: 'hyejin@example.com', emailHash: 'b'.repeat(64) },
      clientIp: '198.51.100.4',
    },
    {
      ...base,
      id: 'q3',
      body: 'The ending: ||she wins||. Worth it.',
      createdAt: ago(90),
      status: 'pending',
      author: { name: 'Tomás', email: null, emailHash: null },
      clientIp: '2001:db8::5',
    },
  ];
}

let review: ReviewInput = docs.ballerina();
let state: 'draft' | 'published' = 'published';
let queue = seedQueue();
let bans: { id: string; kind: string; value: string; reason: null; createdAt: string; expiresAt: string | null }[] = [];

export function resetAdminApi(): void {
  review = docs.ballerina();
  state = 'published';
  queue = seedQueue();
  bans = [];
}

const statusOf = (i: Item) =>
  i.reports > 0 && i.status !== 'rejected' && i.status !== 'spam' ? ['reported', i.status] : [i.status];

export const adminHandlers = [
  http.get(`${ADMIN_API}/admin/reviews`, () =>
    HttpResponse.json({
      items: [
        {
          id: review.id,
          title: review.title,
          workTitle: review.work.title,
          state,
          publishedAt: review.publishedAt,
          commentCount: 6,
          pendingCount: queue.length,
        },
      ],
      nextCursor: null,
    }),
  ),
  http.get(`${ADMIN_API}/admin/reviews/:id`, ({ params }) =>
    params.id === review.id
      ? HttpResponse.json({ state, review })
      : problem(404, 'not-found', 'Not found', `There is no review with id ${params.id}`),
  ),
  http.put(`${ADMIN_API}/reviews/:id`, async ({ request }) => {
    review = (await request.json()) as ReviewInput;
    return HttpResponse.json(review);
  }),
  http.post(`${ADMIN_API}/admin/reviews/:id/:action`, ({ params }) => {
    state = params.action === 'publish' ? 'published' : 'draft';
    return HttpResponse.json({ id: params.id, state });
  }),
  http.delete(`${ADMIN_API}/reviews/:id`, () => new HttpResponse(null, { status: 204 })),
  http.post(`${ADMIN_API}/admin/uploads`, () =>
    HttpResponse.json(
      { url: `${docs.DATA_URL}images/jeon-jong-seo.svg`, type: 'image/png', width: 200, height: 300, bytes: 1234 },
      { status: 201 },
    ),
  ),
  http.get(`${ADMIN_API}/admin/queue`, ({ request }) => {
    const url = new URL(request.url);
    const status = url.searchParams.get('status') ?? 'pending';
    const review = url.searchParams.get('review');
    const items = queue
      .filter((i) => statusOf(i).includes(status) && (!review || i.reviewId === review))
      .sort((a, b) => b.reports - a.reports);
    return HttpResponse.json({ items, nextCursor: null });
  }),
  http.post(`${ADMIN_API}/admin/comments/bulk`, async ({ request }) => {
    const { action, ids } = (await request.json()) as { action: string; ids: string[] };
    const to: Record<string, string> = { approve: 'published', reject: 'rejected', spam: 'spam', delete: 'deleted' };
    for (const item of queue) {
      if (!ids.includes(item.id)) continue;
      item.reports = 0;
      item.status = to[action] ?? item.status;
    }
    if (action === 'purge') queue = queue.filter((i) => !ids.includes(i.id));
    return HttpResponse.json({ action, results: ids.map((id) => ({ id, ok: true })) });
  }),
  http.get(`${ADMIN_API}/admin/bans`, () => HttpResponse.json({ items: bans })),
  http.post(`${ADMIN_API}/admin/bans`, async ({ request }) => {
    const body = (await request.json()) as { kind: string; commentId: string; hours?: number };
    const item = queue.find((i) => i.id === body.commentId);
    const ban = {
      id: `ban_${bans.length + 1}`,
      kind: body.kind,
      value: body.kind === 'email' ? (item?.author.emailHash ?? '') : `${item?.clientIp}/32`,
      reason: null,
      createdAt: new Date().toISOString(),
      expiresAt: body.hours ? new Date(Date.now() + body.hours * 3_600_000).toISOString() : null,
    };
    bans = [ban, ...bans];
    return HttpResponse.json(ban, { status: 201 });
  }),
  http.delete(`${ADMIN_API}/admin/bans/:id`, ({ params }) => {
    bans = bans.filter((b) => b.id !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
];
