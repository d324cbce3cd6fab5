/**
 * Fixture HTTP routes for the client and element tests, served by the test runner's own dev server
 * under /fixture-api/. These are real HTTP responses (headers, status codes, slow and broken
 * bodies) chosen by the test; they stand in for the faults a real review API can have. Requests
 * are counted so a test can assert how many reached the network.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { naughtyRoute } from './naughty-routes.mjs';

const counts = new Map();
const PREFIX = '/fixture-api/';
const demo = (name) => JSON.parse(readFileSync(new URL(`../../demo/data/${name}.json`, import.meta.url), 'utf8'));
const etagOf = (body) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function json(ctx, status, value, type = 'application/json') {
  ctx.status = status;
  ctx.set('Content-Type', type);
  ctx.body = typeof value === 'string' ? value : JSON.stringify(value);
}

/** A small valid document whose title says which one it is (for race tests). */
function docNamed(name) {
  return { ...demo('minimal'), id: name, title: `Review ${name}`, work: { title: `Work ${name}`, type: 'movie' } };
}

export function fixtureApi() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const route = ctx.path.slice(PREFIX.length);
    const key = route + (ctx.querystring ? `?${ctx.querystring}` : '');
    if (route === '_count') {
      return json(ctx, 200, { count: counts.get(ctx.query.path) ?? 0 });
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    ctx.set('Cache-Control', 'no-store');
    const delay = Number(ctx.query.delay ?? 0);
    if (delay) await sleep(delay);

    // Images that documents served from here refer to relatively.
    const image = /(?:^|\/)images\/([\w-]+\.svg)$/.exec(route);
    if (image) {
      ctx.set('Content-Type', 'image/svg+xml');
      ctx.body = readFileSync(new URL(`../../demo/data/images/${image[1]}`, import.meta.url));
      return;
    }

    // GET /fixture-api/v1/reviews/{id}: a demo document, with ETag revalidation.
    const review = /^v1\/reviews\/([^/]+)$/.exec(route);
    if (review) {
      const id = decodeURIComponent(review[1]);
      let doc;
      try {
        doc = id.startsWith('named-') ? docNamed(id) : demo(id);
      } catch {
        return json(
          ctx,
          404,
          { type: 'about:blank', title: 'Not Found', status: 404, detail: `No review ${id}`, code: 'not-found' },
          'application/problem+json',
        );
      }
      const body = JSON.stringify(doc);
      const etag = etagOf(body);
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', 'no-cache');
      if (ctx.get('If-None-Match') === etag) {
        ctx.status = 304;
        return;
      }
      return json(ctx, 200, body);
    }
    // The hostile-input suite's own routes (naughty-routes.mjs).
    if (route.startsWith('naughty/')) return naughtyRoute(ctx, route.slice('naughty/'.length), next);
    switch (route) {
      case 'problem-500':
        return json(
          ctx,
          500,
          {
            type: 'https://reviews.example/problems/internal',
            title: 'Internal Server Error',
            status: 500,
            detail: 'The database is unavailable',
            code: 'server-error',
          },
          'application/problem+json',
        );
      case 'plain-502':
        ctx.status = 502;
        ctx.set('Content-Type', 'text/html');
        ctx.body = '<html><body>Bad gateway</body></html>';
        return;
      case 'rate-limited':
        ctx.set('Retry-After', '30');
        return json(
          ctx,
          429,
          { title: 'Too Many Requests', status: 429, code: 'rate-limited' },
          'application/problem+json',
        );
      case 'malformed':
        return json(ctx, 200, '{"id": "ballerina", "title": ');
      case 'html':
        ctx.status = 200;
        ctx.set('Content-Type', 'text/html');
        ctx.body = '<!doctype html><title>Not the API</title>';
        return;
      case 'missing-title': {
        const doc = demo('ballerina');
        delete doc.work.title;
        return json(ctx, 200, doc);
      }
      case 'extra-fields':
        return json(ctx, 200, {
          ...demo('ballerina'),
          futureField: { nested: true },
          work: { ...demo('ballerina').work, futureWorkField: 1 },
        });
      case 'unsafe-urls':
        return json(ctx, 200, {
          ...demo('ballerina'),
          url: 'javascript:alert(1)',
          work: {
            ...demo('ballerina').work,
            poster: { url: 'data:image/svg+xml,<svg onload=alert(1)>', width: 400, height: 600 },
          },
          credits: [{ role: 'author', name: 'A', url: 'javascript:alert(2)' }],
        });
      case 'hostile':
        return json(ctx, 200, {
          ...demo('ballerina'),
          title: '</script><script>window.__pwned = true</script>',
          summary: '<img src=x onerror="window.__pwned = true">',
          verdict: '<b>not bold</b> & </script><!--',
          work: { ...demo('ballerina').work, title: '<i>Ballerina</i></script>' },
        });
      case 'flaky': {
        // Fails the first time a given ?key= is asked for, then answers: for Retry.
        if (counts.get(key) === 1) {
          return json(
            ctx,
            503,
            { title: 'Service Unavailable', status: 503, code: 'server-error', detail: 'Try again' },
            'application/problem+json',
          );
        }
        return json(ctx, 200, demo('ballerina'));
      }
      case 'big-cast': {
        // 40 people: real photos, photos that 404, none at all; names in several scripts.
        const names = [
          'Jeon Jong-seo',
          '김지훈',
          '朴裕林',
          'نور الهدى',
          'Maximiliana Alexandrovna Konstantinopolskaya-Wolkenstein',
        ];
        const cast = Array.from({ length: 40 }, (_, i) => ({
          name: i < names.length ? names[i] : `Actor ${i + 1}`,
          character: `Character ${i + 1}`,
          order: i + 1,
          ...(i % 3 === 0
            ? { photo: '/demo/data/images/jeon-jong-seo.svg' }
            : i % 3 === 1
              ? { photo: '/fixture-api/missing-photo.jpg' }
              : {}),
          ...(i === 0 ? { url: 'https://people.example/jeon-jong-seo' } : {}),
        }));
        return json(ctx, 200, { ...demo('ballerina'), cast });
      }
      case 'no-cast':
        return json(ctx, 200, { ...demo('ballerina'), cast: [] });
      case 'hang':
        // Answers long after any sane client timeout; the client is expected to give up first.
        await sleep(Number(ctx.query.ms ?? 5000));
        return json(ctx, 200, demo('minimal'));
      case 'trickle': {
        // Headers at once, then the body too slowly: the timeout must cover the body as well.
        ctx.status = 200;
        ctx.set('Content-Type', 'application/json');
        const { PassThrough } = await import('node:stream');
        const stream = new PassThrough();
        ctx.body = stream;
        stream.write('{"id":');
        setTimeout(() => stream.end('"x"}'), Number(ctx.query.ms ?? 3000));
        return;
      }
      default:
        return next();
    }
  };
}
