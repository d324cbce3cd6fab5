/**
 * Turns a comment from another system into our markdown subset (src/elements/comment-thread/
 * comment-markup.ts: paragraphs, line breaks, `> quote`, **bold**, *italic*, `code`, ||spoiler||,
 * [text](https://…) and bare http(s) URLs). HTML is read with htmlparser2, a real tokenizer with
 * entity decoding: its tags become that subset or go, its text stays, and no HTML is passed
 * through. Scripts, styles and other non-text content are dropped with their contents; links keep
 * their target only if it is http(s).
 *
 * Two kinds of source text:
 * - `html` (Disqus, Remark42's rendered text): whitespace is not significant, blocks make lines;
 * - `markdown` (WordPress, Waline, Artalk, Isso): the author's line breaks are kept, and the HTML
 *   some of them allow inside the text is converted the same way. Backtick code spans are kept
 *   literally, so a `<script>` written inside one stays as the words the author typed.
 */
import { Parser } from 'htmlparser2';

export type SourceText = 'html' | 'markdown';

/** Elements whose contents are not words a reader wrote (or cannot be shown as such). */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'noscript',
  'textarea',
  'select',
  'button',
  'canvas',
  'audio',
  'video',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'hr',
  'pre',
  'details',
  'summary',
]);
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'area', 'base', 'col', 'source', 'track']);

const httpUrl = (href: string | undefined): string | undefined => {
  if (!href) return undefined;
  const trimmed = href.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href;
  } catch {
    return undefined;
  }
};

interface Frame {
  tag: string;
  out: string;
  href?: string;
}

/** Moves whitespace at the edges of an emphasised run outside its markers (`** x **` is not bold). */
function wrap(marker: string, inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!match[2]) return inner;
  return `${match[1]}${marker}${match[2]}${marker.split('').reverse().join('')}${match[3]}`;
}

function linkText(label: string, href: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  // Disqus and WordPress print a link's own address, often shortened ("example.com/a/b…"): the bare
  // URL reads the same and is linked by the renderer; a real label keeps [label](url).
  const bare = href.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  const shown = text
    .replace(/^https?:\/\//i, '')
    .replace(/(\.\.\.|…)$/, '')
    .replace(/\/$/, '');
  if (!text || (shown && bare.startsWith(shown))) return href;
  return `[${text.replace(/[[\]]/g, '')}](${href.replace(/\)/g, '%29')})`;
}

export function toMarkup(source: string, kind: SourceText): string {
  // Code spans are set aside before parsing so their text is taken literally (markdown sources).
  const spans: string[] = [];
  const text =
    kind === 'markdown' ? source.replace(/`[^`\n]+`/g, (span) => `\uE000${spans.push(span) - 1}\uE001`) : source;
  const stack: Frame[] = [{ tag: '#root', out: '' }];
  let dropDepth = 0;
  let preDepth = 0;
  const top = () => stack[stack.length - 1];
  const emit = (s: string) => (top().out += s);
  const breakBlock = () => emit('\n\n');

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropDepth || DROPPED.has(name)) {
          if (!VOID.has(name)) dropDepth++;
          return;
        }
        if (name === 'br') return emit('\n');
        if (name === 'img') {
          const src = httpUrl(attributes.src);
          if (src) emit(attributes.alt?.trim() ? ` ${linkText(attributes.alt, src)} ` : ` ${src} `);
          return;
        }
        if (name === 'pre') preDepth++;
        if (name === 'li') emit(top().out.endsWith('\n') ? '- ' : '\n- ');
        else if (BLOCKS.has(name)) breakBlock();
        if (VOID.has(name)) return;
        stack.push({ tag: name, out: '', href: name === 'a' ? attributes.href : undefined });
      },
      ontext(chunk) {
        if (dropDepth) return;
        emit(kind === 'html' && !preDepth ? chunk.replace(/\s+/g, ' ') : chunk);
      },
      onclosetag(name) {
        if (dropDepth) {
          if (!VOID.has(name)) dropDepth--;
          return;
        }
        if (VOID.has(name)) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        // Close up to the matching frame (htmlparser2 reports implied closes for badly nested HTML).
        const index = stack.map((f) => f.tag).lastIndexOf(name);
        if (index <= 0) return;
        while (stack.length > index) {
          const frame = stack.pop()!;
          emit(render(frame));
        }
        if (name === 'li') emit('\n');
        else if (BLOCKS.has(name)) breakBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  while (stack.length > 1) emit(render(stack.pop()!));

  const out = kind === 'html' ? stack[0].out.replace(/ {2,}/g, ' ') : markdownLinks(stack[0].out);
  return tidy(out).replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)] ?? '');
}

function render(frame: Frame): string {
  const inner = frame.out;
  switch (frame.tag) {
    case 'b':
    case 'strong':
      return wrap('**', inner);
    case 'i':
    case 'em':
    case 'cite':
      return wrap('*', inner);
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return inner.includes('`') || inner.includes('\n') ? inner : wrap('`', inner);
    case 'spoiler': // Disqus marks spoilers with its own <spoiler> element
      return wrap('||', inner.replace(/\|\|/g, '|'));
    case 'a': {
      const href = httpUrl(frame.href);
      return href ? linkText(inner, href) : inner;
    }
    case 'blockquote': {
      const lines = tidy(inner).split('\n');
      return `\n\n${lines.map((line) => (line ? `> ${line}` : '>')).join('\n')}\n\n`;
    }
    default:
      return inner;
  }
}

/**
 * Markdown links and images as our subset has them: `[label](https://…)` stays, an image becomes a
 * link to it, and a link to anything but http(s) (`javascript:`, `data:`) keeps only its label.
 */
function markdownLinks(text: string): string {
  return text.replace(
    /(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+"[^"\n]*")?\s*\)/g,
    (_, _image: string, label: string, target: string) => {
      const href = httpUrl(target);
      if (!href) return label;
      return label.trim() ? `[${label.trim()}](${href.replace(/\)/g, '%29')})` : href;
    },
  );
}

/** Trailing spaces off every line, at most one blank line between paragraphs, nothing around. */
function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}
