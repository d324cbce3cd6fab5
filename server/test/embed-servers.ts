/**
 * The two small servers of the cross-origin embed test, beside the real review server:
 * - "the blog": serves one page (the test sets its HTML and headers) at http://localhost:<port>,
 *   another site than the review server's http://127.0.0.1:<port>;
 * - "the front": passes every request through to the review server untouched, as a CDN would,
 *   except the bundle when the test asks for a fault: slow, hanging, 404 or without CORS.
 */
import {
  createServer,
  request,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface Blog {
  origin: string;
  /** The page at /post: its HTML and response headers (a CSP, COEP). */
  page: { html: string; headers?: OutgoingHttpHeaders };
  stop: () => Promise<void>;
}

export async function startBlog(): Promise<Blog> {
  const blog = { page: { html: '' } } as Blog;
  const server = createServer((req, res) => {
    if (req.url !== '/post') return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...blog.page.headers,
    });
    res.end(blog.page.html);
  });
  const port = await listen(server);
  blog.origin = `http://localhost:${port}`;
  blog.stop = () => close(server);
  return blog;
}

/** A blog post holding the snippet between two paragraphs of the blog's own. */
export const blogPost = (snippet: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>My review of Ballerina</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>My review of Ballerina</h1>
<p>The blog's own opening paragraph.</p>
${snippet}
<p id="after">The blog's closing paragraph.</p>
</main>
</body>
</html>`;

export type Fault = 'none' | 'slow' | 'hang' | 'not-found' | 'no-cors';

export interface Front {
  url: string;
  fault: Fault;
  /** How many requests for the bundle (not its map) arrived since the last `reset()`. */
  scriptRequests: number;
  /** With `slow`: lets the held bundle go, 3 s after it was asked for at the earliest. */
  release: () => void;
  released: boolean;
  reset: (fault: Fault) => void;
  stop: () => Promise<void>;
}

export async function startFront(target: string): Promise<Front> {
  const held = new Set<ServerResponse>();
  let releaseNow: () => void = () => {};
  let releaseGate = Promise.resolve();
  const front = {
    fault: 'none',
    scriptRequests: 0,
    released: false,
    release: () => releaseNow(),
    reset(fault: Fault) {
      front.fault = fault;
      front.scriptRequests = 0;
      front.released = false;
      releaseGate = new Promise<void>((resolve) => (releaseNow = resolve));
    },
  } as Front;

  const forward = (req: IncomingMessage, res: ServerResponse, withoutCors = false) => {
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      const headers = { ...answer.headers };
      if (withoutCors) delete headers['access-control-allow-origin'];
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://front').pathname;
    if (path !== '/review-elements.js' || front.fault === 'none') return forward(req, res);
    front.scriptRequests += 1;
    switch (front.fault) {
      case 'hang':
        held.add(res);
        return;
      case 'not-found':
        // What an ad-blocker's rule or a moved file looks like to the page.
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      case 'no-cors':
        return forward(req, res, true);
      case 'slow': {
        const threeSeconds = new Promise((resolve) => setTimeout(resolve, 3000));
        void Promise.all([threeSeconds, releaseGate]).then(() => {
          front.released = true;
          forward(req, res);
        });
      }
    }
  });
  const port = await listen(server);
  front.url = `http://127.0.0.1:${port}`;
  front.reset('none');
  front.stop = async () => {
    for (const res of held) res.destroy();
    await close(server);
  };
  return front;
}
