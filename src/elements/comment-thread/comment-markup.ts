/**
 * The small markdown subset comments may use, parsed to a tree and rendered with lit templates
 * only, so any string — HTML, script, SVG, a `javascript:` link — shows as the literal text the
 * author typed. Written by hand: markdown libraries produce HTML strings, which we never inject.
 *
 * Blocks: paragraphs (blank line), line breaks, `> quote` lines. Inline: `**bold**`, `*italic*`,
 * `` `code` ``, `||spoiler||`, `[text](https://…)` and bare http(s) URLs. A link with another
 * scheme stays text.
 */
import { html, nothing } from 'lit';
import { safeLinkUrl } from '../../api/urls.js';
import type { FocusTarget } from './focus-targets.js';

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'spoiler'; i: number; c: Inline[] };
export interface Block {
  t: 'p' | 'quote';
  lines: Inline[][];
}

// Earliest match wins; alternatives are tried left to right at the same position. A link's label
// and address stop at the next `[`, so a run of unclosed `[` or `[a](` is scanned once, not once
// per bracket (a 10 000-character comment of them took seconds).
const INLINE =
  /`(?<code>[^`\n]+)`|\|\|(?<spoiler>.+?)\|\||\*\*(?<strong>.+?)\*\*|\*(?<em>[^*\s](?:[^*]*[^*\s])?)\*|\[(?<label>[^[\]\n]+)\]\((?<href>[^)\s[]+)\)|(?<url>\bhttps?:\/\/[^\s<>"]+)/g;

function parseInline(text: string, counter: { spoilers: number }, inSpoiler = false): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (v: string) => v && out.push({ t: 'text', v });
  for (const match of text.matchAll(INLINE)) {
    const g = match.groups!;
    const start = match.index!;
    let node: Inline | undefined;
    let end = start + match[0].length;
    if (g.code !== undefined) node = { t: 'code', v: g.code };
    else if (g.spoiler !== undefined && !inSpoiler)
      node = { t: 'spoiler', i: counter.spoilers++, c: parseInline(g.spoiler, counter, true) };
    else if (g.strong !== undefined) node = { t: 'strong', c: parseInline(g.strong, counter, inSpoiler) };
    else if (g.em !== undefined) node = { t: 'em', c: parseInline(g.em, counter, inSpoiler) };
    else if (g.label !== undefined) {
      const href = /^https?:/i.test(g.href!) ? safeLinkUrl(g.href) : undefined;
      if (href) node = { t: 'link', href, c: parseInline(g.label, counter, inSpoiler) };
    } else if (g.url !== undefined) {
      // Trailing punctuation ends a sentence, not the URL; a closing parenthesis only if unbalanced.
      let url = g.url.replace(/[.,;:!?'"]+$/, '');
      // Counted once, not per character dropped: a URL followed by thousands of `)` stays linear.
      let open = 0;
      let close = 0;
      for (const ch of url) {
        if (ch === '(') open++;
        else if (ch === ')') close++;
      }
      let keep = url.length;
      while (url[keep - 1] === ')' && open < close) {
        keep--;
        close--;
      }
      url = url.slice(0, keep);
      end = start + url.length;
      const href = safeLinkUrl(url);
      if (href) node = { t: 'link', href, c: [{ t: 'text', v: url }] };
    }
    if (!node) continue; // not markup after all (e.g. a `javascript:` link): left as text
    push(text.slice(last, start));
    out.push(node);
    last = end;
  }
  push(text.slice(last));
  return out;
}

/** The comment body as blocks. Cached per body: a thread re-renders far more often than it changes. */
const parsed = new Map<string, Block[]>();

export function parseComment(body: string): Block[] {
  const hit = parsed.get(body);
  if (hit) return hit;
  const counter = { spoilers: 0 };
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((line, i, all) => line.trim() || (i > 0 && i < all.length - 1));
    let current: Block | undefined;
    for (const line of lines) {
      const quote = /^\s*>\s?(.*)$/.exec(line);
      const kind = quote ? 'quote' : 'p';
      if (!current || current.t !== kind) {
        current = { t: kind, lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(quote ? quote[1] : line, counter));
    }
  }
  if (parsed.size > 2000) parsed.clear();
  parsed.set(body, blocks);
  return blocks;
}

export interface MarkupContext {
  /** Indexes of inline spoilers the reader has revealed. */
  revealed: ReadonlySet<number>;
  onReveal: (index: number) => void;
  /** Marks a revealed spoiler's words, which take focus from the button they replace. */
  revealedTarget?: (index: number) => FocusTarget;
  spoilerLabel: string;
}

function inline(nodes: Inline[], ctx: MarkupContext): unknown[] {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'code':
        return html`<code>${n.v}</code>`;
      case 'strong':
        return html`<strong>${inline(n.c, ctx)}</strong>`;
      case 'em':
        return html`<em>${inline(n.c, ctx)}</em>`;
      case 'link':
        return html`<a href=${n.href} rel="nofollow ugc noopener" target="_blank">${inline(n.c, ctx)}</a>`;
      case 'spoiler':
        // Hidden, it is a button that says what it is; the words are not in the page at all (not
        // even blacked out), so neither eyes nor screen readers meet them before the reader asks.
        return ctx.revealed.has(n.i)
          ? html`<span ${ctx.revealedTarget?.(n.i) ?? nothing} class="spoiler revealed" data-spoiler=${n.i} tabindex="-1">${inline(n.c, ctx)}</span>`
          : html`<button type="button" class="spoiler" aria-expanded="false" @click=${() => ctx.onReveal(n.i)}>${ctx.spoilerLabel}</button>`;
    }
  });
}

export function renderComment(body: string, ctx: MarkupContext): unknown[] {
  const blocks = parseComment(body);
  const linesOf = (block: Block) =>
    block.lines.map((line, i) => html`${i ? html`<br />` : nothing}${inline(line, ctx)}`);
  // Most comments are one paragraph: its lines go straight into the body's box, one element fewer.
  if (blocks.length === 1 && blocks[0].t === 'p') return [linesOf(blocks[0])];
  return blocks.map((block) =>
    block.t === 'quote' ? html`<blockquote>${linesOf(block)}</blockquote>` : html`<p>${linesOf(block)}</p>`,
  );
}
