/**
 * The stories talk to the reference server's own routes (server/api.ts) with the in-memory store,
 * in the browser: MSW hands each request to `createApi(...).fetch()`, so the stories show what the
 * real API answers, not a second implementation of it. Faults a working server never makes on
 * request (never answering, failing, answering slowly) stay as MSW handlers in front.
 */
import { createApi } from '../../server/api.js';
import type { ApiConfig } from '../../server/config.js';
import { withLiveEvents } from '../../server/live/emit.js';
import { MemoryFeed } from '../../server/live/feed.js';
import { LiveHub } from '../../server/live/hub.js';
import { MemoryStore } from '../../server/store/memory.js';

export type StoryApi = ReturnType<typeof createApi>;

/** The server's defaults, with the rate limits off (a designer clicks faster than a spammer). */
export function storyConfig(extra: Partial<ApiConfig> = {}): ApiConfig {
  return {
    adminToken: undefined,
    // The preview iframe's own origin may write (a real server would say PUBLIC_ORIGIN).
    allowedOrigins: [location.origin],
    publicOrigins: [],
    moderation: 'post',
    writeRateLimit: 0,
    readRateLimit: 0,
    editWindowMs: 15 * 60_000,
    duplicateWindowMs: 60 * 60_000,
    maxLinks: 10,
    // The owner's desk (#14): the in-memory store has none, so these are never read here.
    reportHideAt: 3,
    adminSessionMs: 8 * 3_600_000,
    ...extra,
  };
}

/**
 * A real API over a fresh in-memory store, filled by `seed`; its changes after the seed are
 * announced on its event stream (`…/events`), as the server's are, for `<comment-thread live>`.
 */
export async function storyApi(
  seed: (store: MemoryStore) => Promise<void>,
  config: Partial<ApiConfig> = {},
): Promise<StoryApi> {
  const store = new MemoryStore();
  await seed(store);
  const feed = new MemoryFeed();
  return createApi({ store: withLiveEvents(store, feed), config: storyConfig(config), live: new LiveHub(feed) });
}

/**
 * Answers a request to `…/story-api/<scenario>/v1/<route>` with the API's answer to `/v1/<route>`:
 * every scenario keeps its own base URL (no shared caches between stories), the API sees its own.
 */
export async function forward(api: StoryApi, prefix: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const at = url.pathname.indexOf(`/${prefix}/v1/`);
  const path = at < 0 ? url.pathname : url.pathname.slice(at + prefix.length + 1);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  return api.fetch(
    new Request(`${url.origin}${path}${url.search}`, { method: request.method, headers: request.headers, body }),
  );
}
