import { expect } from '@open-wc/testing';
import { parseComment } from '../../src/elements/comment-thread/comment-markup.js';

/**
 * A hostile comment must not freeze the reader's page: each of these 10 000-character bodies once
 * took from a tenth of a second to seconds to parse (the work grew with the square of the length).
 */
describe('comment markup on hostile input', () => {
  const cases: Record<string, string> = {
    'a URL followed by thousands of )': 'http://a.example/' + ')'.repeat(9980),
    'unclosed [': '['.repeat(10_000),
    'unclosed [a](': '[a]('.repeat(2500),
  };
  for (const [name, body] of Object.entries(cases)) {
    it(`parses ${name} in linear time`, () => {
      const start = performance.now();
      const blocks = parseComment(body);
      const ms = performance.now() - start;
      expect(blocks.length).to.equal(1);
      // Linear work is about 1 ms here; quadratic was 150 ms to 1.8 s. 100 ms leaves room for a busy machine.
      expect(ms).to.be.below(100);
    });
  }

  it('still links a URL in parentheses and drops only the unbalanced )', () => {
    const [block] = parseComment('(see https://en.wikipedia.org/wiki/Ballerina_(film)))');
    const link = block.lines[0].find((n) => n.t === 'link');
    expect(link && link.t === 'link' && link.href).to.equal('https://en.wikipedia.org/wiki/Ballerina_(film)');
  });
});
