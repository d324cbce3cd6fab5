/**
 * The reader's own comments, beyond the moment they were posted:
 *
 * - A comment held for moderation (answered `pending`) stays on its author's screen across
 *   reloads, marked as awaiting approval, in its place in the thread: it is kept in this browser
 *   per API and review (beside the drafts and the outbox), with its edit token, until the server
 *   says it was approved (it then shows as any comment), rejected or deleted (it goes), or it is
 *   older than `PENDING_MAX_AGE_MS`. Only its author's browser has it: nobody else sees it.
 * - The edit window of each own comment on screen is counted down through the page-wide clock in
 *   `edit-window-clock.ts`, which wakes only while one of them is still open.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comment, CommentSort, ReviewClient } from '../../api/index.js';
import { commentCheck } from '../../api/guard.js';
import { parseLenient } from '../../api/lenient.js';
import { unwatchDeadlines, watchDeadlines } from './edit-window-clock.js';
import { read, tokenFor, tokens, write } from './storage.js';
import { findPath, toNode, updateNode, type Node } from './thread-model.js';

/** A held comment nobody has decided on in 30 days is not coming back: stop showing it. */
const PENDING_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Per review: a reader with more comments held than this is not reading their own thread. */
const PENDING_MAX = 20;

interface PendingEntry {
  comment: Comment;
  token: string;
  savedAt: string;
}

const pendingKey = (scope: string) => `pending:${scope}`;

/** Entries as stored, checked (storage is the reader's to change), those too old dropped. */
function loadPending(scope: string): PendingEntry[] {
  const stored = read<unknown>(pendingKey(scope));
  if (!Array.isArray(stored)) return [];
  const fresh = (stored as PendingEntry[]).filter(
    (e) =>
      e &&
      typeof e.token === 'string' &&
      'output' in parseLenient(commentCheck, e.comment) &&
      Date.now() - Date.parse(e.savedAt) < PENDING_MAX_AGE_MS,
  );
  if (fresh.length !== stored.length) savePending(scope, fresh);
  return fresh;
}

const savePending = (scope: string, entries: PendingEntry[]) =>
  write(pendingKey(scope), entries.length ? entries : undefined);

/** Keeps a comment the server answered `pending`, with the token that lets its author ask about it. */
export function rememberPending(scope: string, comment: Comment, token: string): void {
  const rest = loadPending(scope).filter((e) => e.comment.id !== comment.id);
  const entry = { comment: { ...comment, replies: [] }, token, savedAt: new Date().toISOString() };
  savePending(scope, [...rest, entry].slice(-PENDING_MAX));
}

function forgetPending(scope: string, id: string): void {
  const entries = loadPending(scope);
  const rest = entries.filter((e) => e.comment.id !== id);
  if (rest.length !== entries.length) savePending(scope, rest);
}

/**
 * A fresh first page with the reader's held comments put back: a reply under its parent (when the
 * page has it), a top-level comment where its date puts it (last for `top`). One the page lists
 * as published is forgotten: it shows as it is.
 */
export function withPending(nodes: Node[], scope: string, sort: CommentSort): Node[] {
  let out = nodes;
  for (const { comment } of loadPending(scope)) {
    const listed = findPath(out, comment.id)?.at(-1);
    if (listed) {
      if (listed.comment.status === 'published') forgetPending(scope, comment.id);
      continue;
    }
    const node = toNode(comment);
    if (comment.parentId) {
      // Shown with the replies already shown, not behind "Show N more replies".
      out = updateNode(out, comment.parentId, (p) => ({
        ...p,
        replies: [...p.replies, node],
        ui: { ...p.ui, repliesShown: Math.max(p.ui.repliesShown ?? 0, p.replies.length + 1) },
      }));
    } else {
      // In date order, as the server would list it; after everything for `top` (it has no replies).
      const after = (n: Node) =>
        sort === 'newest' ? n.comment.createdAt < comment.createdAt : n.comment.createdAt > comment.createdAt;
      const at = sort === 'top' ? -1 : out.findIndex(after);
      out = at === -1 ? [...out, node] : [...out.slice(0, at), node, ...out.slice(at)];
    }
  }
  return out;
}

/** The part of `ThreadController` that checking held comments reads and changes. */
interface Thread {
  readonly client: ReviewClient | undefined;
  readonly scope: string;
  update(id: string, change: (node: Node) => Node | undefined): void;
}

/**
 * Asks the server about each held comment (one small request each, only for a reader who has
 * some): an approved one shows as published, a rejected or deleted one goes; an unanswered
 * question (offline, a server error) leaves it as it is, to ask again on the next visit.
 */
export async function checkPending(thread: Thread): Promise<void> {
  const { client, scope } = thread;
  if (!client?.api) return;
  await Promise.all(
    loadPending(scope).map(async ({ comment, token }) => {
      try {
        const now = await client.getComment(comment.id, token);
        if (now.status === 'pending') return;
        forgetPending(scope, comment.id);
        thread.update(comment.id, (n) =>
          now.status === 'published' ? { ...n, comment: { ...now, replies: [] } } : undefined,
        );
      } catch (error) {
        if ((error as { code?: string }).code !== 'not-found') return;
        forgetPending(scope, comment.id);
        thread.update(comment.id, () => undefined);
      }
    }),
  );
}

/** The edit deadlines (epoch ms) of the reader's comments among these nodes. */
function deadlines(nodes: Node[]): number[] {
  return Object.entries(tokens())
    .filter(([id]) => findPath(nodes, id)?.at(-1)?.comment.status === 'published')
    .map(([, t]) => Date.parse(t.until));
}

/**
 * Keeps the page-wide clock told of the edit windows this thread shows: after each update that
 * changed the comments or the reader's tokens, and not at all while the thread is disconnected.
 */
/**
 * Edit and Delete go with a comment's edit window: focus on one of them moves to its comment
 * (`focusComment`), not to the page. The shadow root's activeElement, not :focus, which matches
 * only while the window has system focus (a reader's other window, or a background tab, would
 * lose focus with the button).
 */
export function keepFocusAsWindowsClose(root: ShadowRoot, now: number, focusComment: (id: string) => void): void {
  const active = root.activeElement;
  const action = active?.matches('[data-action="edit"], [data-action="delete"]') ? active : undefined;
  const id = action?.closest('article')?.id.slice(2);
  const until = id && tokenFor(id)?.until;
  if (id && !(until && Date.parse(until) > now)) focusComment(id);
}

export class EditWindows implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #thread: { nodes: Node[]; ownVersion: number };
  readonly #changed: () => void;
  #seen: [Node[], number] | undefined;

  constructor(host: ReactiveControllerHost, thread: { nodes: Node[]; ownVersion: number }, changed: () => void) {
    this.#host = host;
    this.#thread = thread;
    this.#changed = changed;
    host.addController(this);
  }

  hostConnected(): void {
    this.#seen = undefined;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const { nodes, ownVersion } = this.#thread;
    if (this.#seen && this.#seen[0] === nodes && this.#seen[1] === ownVersion) return;
    this.#seen = [nodes, ownVersion];
    watchDeadlines(this, deadlines(nodes), this.#changed);
  }

  hostDisconnected(): void {
    unwatchDeadlines(this);
  }
}
