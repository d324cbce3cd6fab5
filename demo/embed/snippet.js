// What the embed builder writes, as plain functions (no DOM): the builder page shows their output,
// and server/test/embed-cross-origin.test.ts pastes the builder's output into a page on another
// origin. One copy of the logic, so what is tested is what blog owners copy.

/** The elements a snippet may hold, in the order they go on the page. */
export const ELEMENTS = ['comment-count', 'review-card', 'content-warning', 'cast-list', 'comment-thread'];

/** The placeholder for the owner's own paragraphs inside the warning. */
export const WARNED_PLACEHOLDER = 'The part of your post that discusses the distressing scenes.';

/**
 * Reads the blog's address as an owner types it ("blog.example", "https://blog.example/2024/post")
 * and returns its origin, or an error in words. Only the origin matters to the server, so a path is
 * dropped (and said so); a scheme is assumed to be https when missing.
 * @param {string} input
 * @returns {{ origin: string, note?: string } | { error: string } | undefined} undefined when empty
 */
export function parseOrigin(input) {
  const text = input.trim();
  if (!text) return undefined;
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url;
  try {
    // Browsers accept spaces in a host name (as %20); no site has one.
    if (/\s/.test(text)) throw new TypeError('space');
    url = new URL(withScheme);
  } catch {
    return { error: `"${text}" is not a web address. Write it as your readers see it, e.g. https://blog.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'The address must start with https:// (or http://).' };
  }
  if (url.username || url.password) return { error: 'Leave out the user name and password.' };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('[')) {
    return { error: `"${url.hostname}" has no domain ending (such as .com). Write the whole address.` };
  }
  const rest = `${url.pathname === '/' ? '' : url.pathname}${url.search}${url.hash}`;
  return rest
    ? { origin: url.origin, note: `Only the site's address counts: ${url.origin} (without ${rest}).` }
    : { origin: url.origin };
}

/** The server setting that lets pages of `origin` post comments. */
export function serverSetting(origin) {
  return `ALLOWED_ORIGINS=${origin}`;
}

/** Topic ids in words for the summary readers see before the script runs (`sexual-violence` → "sexual violence"). */
export function topicWords(topics) {
  return topics.map((id) => id.replace(/-/g, ' ')).join(', ');
}

/** The disclosure's summary: closed, it is all a reader sees until they choose. */
export function warningSummary(topics) {
  return topics.length ? `Content warning: ${topicWords(topics)}. Show` : 'Content warning: distressing topics. Show';
}

/**
 * The elements of a snippet as a small tree (`{ name, attrs, children }`, text as strings): the
 * snippet is its HTML, and the builder's preview is the same tree made with DOM methods.
 * The warning wraps its content in a native <details>, so it stays closed if the script is slow,
 * blocked or fails, and with JavaScript off; the element takes the disclosure over when it runs.
 * @param {{ server: string, review: string, elements: string[], layout?: string, topics?: string[] }} options
 */
export function snippetTree({ server, review, elements, layout = 'full', topics = [] }) {
  const el = (name, attrs = {}, children = []) => ({ name, attrs, children });
  const children = ELEMENTS.filter((name) => elements.includes(name)).map((name) => {
    if (name === 'review-card') return el(name, { layout });
    if (name === 'cast-list') return el(name, { limit: '6' });
    if (name === 'content-warning') {
      return el(name, { 'from-review': '', remember: 'session' }, [
        el('details', {}, [el('summary', {}, [warningSummary(topics)]), el('p', {}, [WARNED_PLACEHOLDER])]),
      ]);
    }
    return el(name);
  });
  return {
    script: `${server}/review-elements.js`,
    source: el('review-source', { api: `${server}/v1`, review }, children),
  };
}

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text) => escapeText(text).replace(/"/g, '&quot;');

/** HTML of a tree node, indented two spaces a level; elements with only text stay on one line. */
function toHTML(node, depth = 0) {
  const pad = '  '.repeat(depth);
  if (typeof node === 'string') return pad + escapeText(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  const open = `${pad}<${node.name}${attrs}>`;
  const close = `</${node.name}>`;
  if (node.children.every((c) => typeof c === 'string'))
    return `${open}${node.children.map(escapeText).join('')}${close}`;
  return `${open}\n${node.children.map((c) => toHTML(c, depth + 1)).join('\n')}\n${pad}${close}`;
}

/** The snippet a blog owner pastes: the script tag, a blank line, the source with its elements. */
export function snippet(options) {
  const { script, source } = snippetTree(options);
  return `<script type="module" src="${escapeAttr(script)}"></script>\n\n${toHTML(source)}`;
}
