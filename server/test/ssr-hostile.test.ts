/**
 * The server-rendered article puts readers' words into HTML on the server (the first comments, as
 * declarative shadow DOM and as the hydration data): none of it may become markup there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { comment, removeDir, startServer, type Server } from './harness.js';

const HOSTILE = [
  '</script><script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<!-- --><template shadowrootmode="open"><b>injected</b></template>',
  '\u2028</SCRIPT ><svg onload=alert(1)>',
];

describe('the article rendered on the server, with hostile comments', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
    for (const [i, body] of HOSTILE.entries()) {
      const res = await server.request('/v1/reviews/ballerina/comments', {
        method: 'POST',
        json: comment(`<b>Name ${i}</b>`, body),
      });
      assert.equal(res.status, 201);
    }
  });
  after(async () => {
    await server.stop();
    removeDir(server.dir);
  });

  it('renders every hostile text as text, in the shadow DOM and in the hydration data', async () => {
    const res = await server.request('/?hostile');
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const needle of [
      '<script>window.__pwned',
      '<img src=x onerror',
      '<template shadowrootmode="open"><b>injected',
      '<svg onload',
      '<b>Name ',
    ]) {
      assert.equal(html.includes(needle), false, `the served HTML holds ${needle} as markup`);
    }
    // The words are there, escaped: as text in the rendered thread…
    assert.ok(
      html.includes('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;'),
      'the first text is not shown escaped',
    );
    // …and in the JSON the elements hydrate from, with < escaped so nothing can close the script.
    assert.ok(
      html.includes('\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned = 1'),
      'the hydration data does not hold the text',
    );
  });
});
