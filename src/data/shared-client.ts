import { ReviewClient } from '../api/index.js';

const clients = new Map<string, ReviewClient>();

/**
 * One client per API base for the whole page, so standalone elements that show the same review
 * share one request and one cache. `undefined` is the client for static document URLs.
 */
export function sharedClient(api?: string): ReviewClient {
  const key = api ?? '';
  let client = clients.get(key);
  if (!client) {
    client = new ReviewClient({ api });
    clients.set(key, client);
  }
  return client;
}
