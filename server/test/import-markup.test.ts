/** The pieces every import shares: HTML to our markdown subset, and page URLs as matched. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pageKey, readMapFile, ReviewMatcher } from '../import/match.js';
import { toMarkup } from '../import/markup.js';

describe('HTML to the comment markup', () => {
  const html = (s: string) => toMarkup(s, 'html');
  const md = (s: string) => toMarkup(s, 'markdown');

  it('keeps words, drops scripts, styles and frames with their contents, passes no tag through', () => {
    const out = html(
      '<p>a<script>alert(1)</script><style>p{color:red}</style><iframe src="https://x.example">f</iframe><svg><text>s</text></svg>b</p><noscript>n</noscript><object>o</object>',
    );
    assert.equal(out, 'ab');
    assert.equal(
      html('<div onclick="x()"><span style="x">hi</span><img src="javascript:alert(1)" onerror="alert(1)"></div>'),
      'hi',
    );
    for (const s of [
      '<b>x',
      '<p>open <i>never closed',
      'x</b></p></div> y',
      '<a href="https://e.example"><b>x</a></b>',
    ]) {
      assert.doesNotMatch(html(s), /<\/?[a-z]/i, s);
    }
    // What the author typed as text (escaped in the source) stays the text they typed.
    assert.equal(html('&lt;b&gt;not bold&lt;/b&gt;'), '<b>not bold</b>');
  });

  it('turns emphasis, code, quotes, spoilers and line breaks into the subset', () => {
    assert.equal(
      html('<p><strong>b</strong> <em> i </em> <code>a&lt;b</code></p><p>x<br>y</p>'),
      '**b** *i* `a<b`\n\nx\ny',
    );
    assert.equal(html('<blockquote><p>one</p><p>two</p></blockquote>after'), '> one\n>\n> two\n\nafter');
    assert.equal(html('<spoiler>the twist</spoiler>'), '||the twist||');
    assert.equal(html('<ul><li>one</li><li>two</li></ul>'), '- one\n- two');
  });

  it('keeps http(s) links only: labelled as [text](url), bare when the label is the address', () => {
    assert.equal(html('<a href="https://e.example/a?b=1&amp;c=2">read</a>'), '[read](https://e.example/a?b=1&c=2)');
    assert.equal(
      html('<a href="https://e.example/long/path/here">e.example/long/pa...</a>'),
      'https://e.example/long/path/here',
    );
    assert.equal(
      html('<a href="javascript:alert(1)">click</a> <a href="data:text/html,x">d</a> <a href="mailto:a@b.c">mail</a>'),
      'click d mail',
    );
    assert.equal(
      md('[x](javascript:alert(document.cookie)) [y](https://e.example "t") ![](https://i.example/p.png)'),
      'x [y](https://e.example/) https://i.example/p.png',
    );
  });

  it('decodes entities once and keeps non-Latin text and markdown code spans as typed', () => {
    assert.equal(html('caf&eacute; &amp;lt; &#x1F600; &hellip;'), 'café &lt; 😀 …');
    assert.equal(md('조선 좀비 <b>최고</b>\n두 줄\n\nمرحبا 你好'), '조선 좀비 **최고**\n두 줄\n\nمرحبا 你好');
    assert.equal(md('use `<script>alert(1)</script>` here'), 'use `<script>alert(1)</script>` here');
  });
});

describe('matching pages to reviews', () => {
  it('ignores scheme, www., case of the host, trailing slash, query and fragment; keeps path case', () => {
    const key = pageKey('https://doramas.example/reviews/kingdom')!.full;
    for (const url of [
      'http://www.Doramas.EXAMPLE/reviews/kingdom/',
      'https://doramas.example/reviews/kingdom?utm_source=x#comments',
      '//doramas.example/reviews/kingdom/',
    ]) {
      assert.equal(pageKey(url)!.full, key, url);
    }
    assert.notEqual(pageKey('https://doramas.example/reviews/Kingdom')!.full, key);
    assert.equal(
      pageKey('https://doramas.example/드라마/')!.full,
      pageKey('https://doramas.example/%EB%93%9C%EB%9D%BC%EB%A7%88')!.full,
    );
  });

  it('matches a bare path to the one review with that path, and a map over everything', () => {
    const matcher = new ReviewMatcher(
      [
        { id: 'a', url: 'https://one.example/x/' },
        { id: 'b', url: 'https://two.example/x' },
        { id: 'c', url: 'https://one.example/y' },
      ],
      new Map([
        ['https://old.example/z?p=1', 'c'],
        ['thread-42', 'a'],
        ['https://old.example/gone', 'missing-review'],
      ]),
    );
    assert.equal(matcher.match('/y/', 't'), 'c');
    assert.equal(matcher.match('/x', 't'), undefined); // two reviews have that path
    assert.equal(matcher.match('http://www.old.example/z/', 't'), 'c');
    assert.equal(matcher.match(null, 'thread-42'), 'a');
    assert.equal(matcher.match('https://old.example/gone', 't'), undefined);
  });

  it('reads a map as JSON or CSV with quotes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'map-'));
    writeFileSync(join(dir, 'm.json'), '{"https://a.example/1": "r1"}');
    writeFileSync(join(dir, 'm.csv'), 'url,review_id\n"https://a.example/?q=1,2",r2\r\nhttps://a.example/3 , r3\n');
    assert.deepEqual([...readMapFile(join(dir, 'm.json'))], [['https://a.example/1', 'r1']]);
    assert.deepEqual(
      [...readMapFile(join(dir, 'm.csv'))],
      [
        ['https://a.example/?q=1,2', 'r2'],
        ['https://a.example/3', 'r3'],
      ],
    );
  });
});
