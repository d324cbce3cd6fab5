import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssVars } from '../../shared/css-vars.js';
import { formatDate, formatRelative, plural } from '../../shared/format.js';
import type { BaseKey, Translation } from '../../shared/i18n/index.js';
import { hueFor, initials } from '../../shared/initials.js';
import { errorMessage } from '../../shared/load-states.js';
import { renderComment } from './comment-markup.js';
import type { SendReport } from './comment-report.js';
import type { FocusName, FocusTarget } from './focus-targets.js';
import type { Node } from './thread-model.js';

export const REPLIES_SHOWN = 5;
export const REPLIES_STEP = 20;

export interface ThreadActions {
  reply(id: string): void;
  edit(id: string): void;
  editInput(id: string, text: string): void;
  saveEdit(id: string): void;
  cancelEdit(id: string): void;
  askDelete(id: string): void;
  confirmDelete(id: string): void;
  cancelDelete(id: string): void;
  retry(id: string): void;
  showSpoiler(id: string): void;
  revealInline(id: string, index: number): void;
  moreReplies(id: string): void;
  /** Opens the report form of a comment (created only then). */
  report(id: string): void;
  renderReplyForm(node: Node): TemplateResult;
}

/**
 * What the reader is told about a post that failed. When no usable answer came back (the network,
 * a timeout, a broken answer) the server may have stored it: saying "Not posted" would be a guess,
 * and the retry is safe either way (it carries the same Idempotency-Key).
 */
export function postFailure(error: Error | undefined, t: Pick<Translation, BaseKey | 'thread'>): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'network' || code === 'timeout' || code === 'invalid-response') return t.thread.notConfirmed;
  return `${t.thread.notPosted} ${errorMessage(error, t)}`;
}

/** Everything a comment's template reads besides its node; a change here re-renders every comment. */
export interface ThreadView {
  t: Pick<Translation, BaseKey | 'thread'>;
  locale: string;
  now: number;
  maxDepth: number;
  open: boolean;
  own: (id: string) => boolean;
  /** How long the reader may still edit their comment with this id, or undefined (see edit-window-clock.ts). */
  editWindow?: (id: string) => string | undefined;
  actions: ThreadActions;
  /** Marks a part of a comment that may take focus after an action (see `FocusTargets`). */
  target(id: string, name: FocusName): FocusTarget;
  /** Sends a reader's report (comment-report.ts); without it, no Report action is shown. */
  report?: SendReport;
  /** Whether this browser has reported the comment ("Reported" instead of the button). */
  reported(id: string): boolean;
}

function meta(node: Node, view: ThreadView, replyingTo: string | undefined) {
  const { t, locale, now } = view;
  const c = node.comment;
  const deleted = c.status === 'deleted';
  return html`<p part="comment-meta">
    <span part="author">${deleted ? t.thread.deleted : c.author.name}</span>
    ${view.own(c.id) || node.local ? html`<span>(${t.thread.you})</span>` : nothing}
    <time datetime=${c.createdAt} title=${formatDate(locale, c.createdAt, { dateStyle: 'long', timeStyle: 'short' })}>${formatRelative(locale, c.createdAt, now)}</time>
    ${c.editedAt ? html`<span>· ${t.thread.edited}</span>` : nothing}
    ${c.status === 'pending' && !node.local ? html`<span part="awaiting-approval">· ${t.thread.awaitingApproval}</span>` : nothing}
    ${replyingTo ? html`<span>· ${t.thread.replyingTo(replyingTo)}</span>` : nothing}
  </p>`;
}

function body(node: Node, view: ThreadView) {
  const { t, actions } = view;
  const c = node.comment;
  if (c.status === 'deleted') return html`<p part="comment-body" class="deleted">${t.thread.deleted}</p>`;
  if (c.spoiler && !node.ui.spoilerShown) {
    return html`<p part="comment-body">
      <button type="button" class="button" aria-expanded="false" aria-controls=${`body-${c.id}`} @click=${() => actions.showSpoiler(c.id)}>
        ${t.thread.spoilerComment} — ${t.thread.showSpoiler}
      </button>
    </p>`;
  }
  if (node.ui.editing) {
    return html`<div class="edit">
      <label class="visually-hidden" for=${`edit-${c.id}`}>${t.thread.edit}</label>
      <textarea ${view.target(c.id, 'edit')} id=${`edit-${c.id}`} .value=${node.ui.editText ?? c.body} @input=${(e: Event) => actions.editInput(c.id, (e.target as HTMLTextAreaElement).value)}></textarea>
      <div part="comment-actions">
        <button type="button" class="button primary" aria-disabled=${node.ui.busy ? 'true' : 'false'} @click=${() => !node.ui.busy && actions.saveEdit(c.id)}>${t.thread.save}</button>
        <button type="button" class="button" @click=${() => actions.cancelEdit(c.id)}>${t.thread.cancel}</button>
      </div>
    </div>`;
  }
  const markup = renderComment(c.body, {
    revealed: node.ui.revealed ?? new Set(),
    onReveal: (i) => actions.revealInline(c.id, i),
    revealedTarget: (i) => view.target(c.id, `spoiler-${i}`),
    spoilerLabel: t.thread.spoilerInline,
  });
  // No whitespace around the text: a one-paragraph body is the text itself, exactly as written.
  return html`<div part="comment-body" id=${`body-${c.id}`} dir="auto">${markup}</div>`;
}

function status(node: Node, view: ThreadView) {
  const { t, actions } = view;
  if (node.local?.state === 'sending') return html`<p class="status">${t.thread.sending}</p>`;
  if (node.local?.state === 'failed') {
    return html`<p class="status failed">${postFailure(node.local.error, t)}</p>
      <div part="comment-actions"><button type="button" class="button primary" part="retry-post" @click=${() => actions.retry(node.comment.id)}>${t.retry}</button></div>`;
  }
  if (node.comment.status === 'pending') return html`<p class="status">${t.thread.pending}</p>`;
  return node.ui.notice ? html`<p class="status failed" role="alert">${node.ui.notice}</p>` : nothing;
}

function actionsRow(node: Node, view: ThreadView) {
  const { t, actions } = view;
  const c = node.comment;
  if (node.local || c.status !== 'published' || node.ui.editing) return nothing;
  if (node.ui.confirmDelete) {
    return html`<div part="comment-actions" role="group" aria-label=${t.thread.confirmDelete}>
      <span>${t.thread.confirmDelete}</span>
      <button ${view.target(c.id, 'confirm')} type="button" class="button primary" data-confirm aria-disabled=${node.ui.busy ? 'true' : 'false'} @click=${() => !node.ui.busy && actions.confirmDelete(c.id)}>${t.thread.yesDelete}</button>
      <button type="button" class="button" @click=${() => actions.cancelDelete(c.id)}>${t.thread.keep}</button>
    </div>`;
  }
  const own = view.own(c.id);
  const editWindow = own ? view.editWindow?.(c.id) : undefined;
  // Straight in the article, without a box of their own: they flow on one line under the text.
  return html`${editWindow ? html`<p part="edit-window" class="status">${editWindow}</p>` : nothing}${view.open ? html`<button ${view.target(c.id, 'reply')} type="button" class="button link" part="comment-action" data-action="reply" aria-expanded=${node.ui.replying ? 'true' : 'false'} @click=${() => actions.reply(c.id)}>${t.thread.reply}</button>` : nothing}${
    own
      ? html`<button type="button" class="button link" part="comment-action" data-action="edit" @click=${() => actions.edit(c.id)}>${t.thread.edit}</button><button ${view.target(c.id, 'delete')} type="button" class="button link" part="comment-action" data-action="delete" @click=${() => actions.askDelete(c.id)}>${t.thread.delete}</button>`
      : nothing
  }${view.report && !own ? report(node, view) : nothing}`;
}

/**
 * The Report action: a plain button until the reader asks, and only then the report element with
 * its form (a shadow root and a dozen elements per comment otherwise, and a render of its own).
 */
function report(node: Node, view: ThreadView) {
  const c = node.comment;
  if (node.ui.reporting)
    return html`<review-comment-report .commentId=${c.id} .send=${view.report} expanded></review-comment-report>`;
  if (view.reported(c.id)) return html`<span part="reported">${view.t.thread.report.reported}</span>`;
  return html`<button type="button" class="button link" part="comment-action" data-action="report" aria-expanded="false" @click=${() => view.actions.report(c.id)}>${view.t.thread.report.action}</button>`;
}

function comment(node: Node, depth: number, view: ThreadView, replyingTo?: string): TemplateResult {
  const c = node.comment;
  const deleted = c.status === 'deleted';
  const name = deleted ? '' : c.author.name;
  // The avatar is the article's ::before (initials from data-initials, silent to screen readers):
  // an element fewer per comment, as is the grid that places the parts without a wrapper.
  return html`<li part="comment-item">
    <article ${view.target(c.id, 'comment')} part="comment" id=${`c-${c.id}`} tabindex="-1" class=${node.local?.state === 'sending' ? 'sending' : ''} aria-label=${deleted ? view.t.thread.deleted : c.author.name}
      data-initials=${deleted ? '' : initials(name)} ${cssVars({ '--_hue': String(hueFor(name)) })}>
      ${meta(node, view, replyingTo)} ${body(node, view)} ${status(node, view)} ${actionsRow(node, view)}
      ${node.ui.replying ? html`<div class="reply-form">${view.actions.renderReplyForm(node)}</div>` : nothing}
    </article>
    ${repliesOf(node, depth, view)}
  </li>`;
}

/** Flattens everything under a node that sits at the deepest level shown, oldest first. */
function flatten(node: Node): { node: Node; parentName: string }[] {
  return node.replies.flatMap((reply) => [{ node: reply, parentName: node.comment.author.name }, ...flatten(reply)]);
}

function repliesOf(node: Node, depth: number, view: ThreadView) {
  if (!node.replies.length) return nothing;
  // At the deepest level shown, every descendant is listed flat, each saying whom it answers.
  const flat = depth >= view.maxDepth - 1;
  const all = flat ? flatten(node) : node.replies.map((reply) => ({ node: reply, parentName: '' }));
  const visible = all.slice(0, node.ui.repliesShown ?? REPLIES_SHOWN);
  const more = all.length - visible.length;
  return html`<ul class="replies">
      ${repeat(
        visible,
        (e) => e.node.comment.id,
        (e) =>
          guard([e.node, view], () =>
            flat
              ? flatComment(
                  e.node,
                  depth + 1,
                  view,
                  e.node.comment.parentId === node.comment.id ? undefined : e.parentName,
                )
              : comment(e.node, depth + 1, view),
          ),
      )}
    </ul>
    ${
      more > 0
        ? html`<button type="button" class="button link" part="more-replies" @click=${() => view.actions.moreReplies(node.comment.id)}>
          ${plural(view.locale, view.t.thread.moreReplies, Math.min(more, REPLIES_STEP))}
        </button>`
        : nothing
    }`;
}

/** A reply below the deepest nesting level: shown without its own replies (they are flattened too). */
function flatComment(node: Node, depth: number, view: ThreadView, replyingTo: string | undefined) {
  return comment({ ...node, replies: [] }, depth, view, replyingTo);
}

/** The top-level list: keyed, and each comment guarded so an unchanged one is not re-rendered. */
export function renderComments(nodes: Node[], view: ThreadView) {
  return html`<ul class="comments" part="comments">
    ${repeat(
      nodes,
      (n) => n.comment.id,
      (n) => guard([n, view], () => comment(n, 0, view)),
    )}
  </ul>`;
}

/**
 * The first page's placeholder: `rows` rows at about a comment's height, so what follows the thread
 * is where it will stay, below it.
 */
export function renderSkeleton(rows: number, loading: string) {
  return html`<ul class="comments skeleton" aria-hidden="true">
      ${Array.from(
        { length: rows },
        () =>
          html`<li><article data-initials=""><p><span class="bone short">&nbsp;</span></p><p><span class="bone line">&nbsp;</span></p></article></li>`,
      )}
    </ul>
    <p class="visually-hidden">${loading}</p>`;
}
