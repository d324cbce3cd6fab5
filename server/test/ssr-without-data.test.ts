/**
 * An element rendered on the server without its data (what @lit-labs/eleventy-plugin-lit and
 * @lit-labs/nextjs do: attributes only) renders its loading skeleton, which the browser then
 * loads and replaces; it never throws (there is no light DOM to read a JSON script child from on
 * the server) and never renders the empty text.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

// The elements need the DOM types, which the server's tsconfig leaves out (server/ssr/ has its own):
// imported by a specifier in a variable, as server/ssr/article-route.ts does.
const ELEMENTS: string = '../../src/index.js';

describe('server rendering without data', () => {
  it('renders the skeleton of each element that has a request', async () => {
    await import(ELEMENTS);
    const out = await collectResult(
      render(html`
        <review-card api="https://reviews.example/v1" review="ballerina"></review-card>
        <cast-list api="https://reviews.example/v1" review="ballerina"></cast-list>
        <content-warning from-review api="https://reviews.example/v1" review="ballerina"></content-warning>
        <comment-count api="https://reviews.example/v1" review="ballerina"></comment-count>
      `),
    );
    for (const tag of ['review-card', 'cast-list', 'content-warning', 'comment-count'])
      assert.match(out, new RegExp(`<${tag}[^>]*><template shadowroot="open"`), tag);
    assert.doesNotMatch(out, /No review to show yet|No cast listed/);
    assert.match(out, /aria-busy="true"|class="bone/);
  });
});
