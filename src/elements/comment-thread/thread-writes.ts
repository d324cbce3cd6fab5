import type { ReviewClient } from '../../api/index.js';
import type { BaseKey, Translation } from '../../shared/i18n/index.js';
import { errorMessage } from '../../shared/load-states.js';
import type { FocusRequest } from './thread-controller.js';
import { rememberPending } from './own-comments.js';
import { forgetToken, tokenFor } from './storage.js';
import { findPath, type Node } from './thread-model.js';

/** The part of `ThreadController` an edit or a delete changes. */
interface Thread {
  readonly client: ReviewClient | undefined;
  readonly scope: string;
  nodes: Node[];
  total: number;
  ownVersion: number;
  update(id: string, change: (node: Node) => Node | undefined): void;
  announce(message: string): void;
  focusAfter(target: FocusRequest): void;
  commentsChanged(): void;
}

type T = Pick<Translation, BaseKey | 'thread'>;

/** An edit by its author: the new text shows at once, and goes back if the server says no. */
export async function saveEdit(thread: Thread, id: string, t: T, failed: (error: Error) => void): Promise<void> {
  const node = findPath(thread.nodes, id)?.at(-1);
  const token = tokenFor(id);
  if (!node || !token || !thread.client) return;
  const before = node.comment;
  const text = node.ui.editText ?? before.body;
  thread.update(id, (n) => ({
    ...n,
    comment: { ...n.comment, body: text, editedAt: new Date().toISOString() },
    ui: { ...n.ui, editing: false, busy: true },
  }));
  thread.focusAfter({ id, name: 'comment' });
  try {
    const saved = await thread.client.editComment(id, { body: text }, token.token);
    // Under pre-moderation an edit goes back to the queue: kept in view for its author meanwhile.
    if (saved.status === 'pending') rememberPending(thread.scope, saved, token.token);
    thread.update(id, (n) => ({
      ...n,
      comment: { ...saved, replies: n.comment.replies },
      ui: { ...n.ui, busy: false, editText: undefined },
    }));
  } catch (error) {
    const notice = `${t.thread.changeFailed} ${errorMessage(error as Error, t)}`;
    thread.update(id, (n) => ({
      ...n,
      comment: before,
      ui: { ...n.ui, busy: false, editing: true, editText: text, notice },
    }));
    thread.announce(notice);
    failed(error as Error);
  }
}

/**
 * A delete by its author, shown at once. Without replies the comment goes; with replies it stays
 * as "[deleted]" so the thread keeps its shape. It comes back if the server says no.
 */
export async function deleteComment(thread: Thread, id: string, t: T, failed: (error: Error) => void): Promise<void> {
  const node = findPath(thread.nodes, id)?.at(-1);
  const token = tokenFor(id);
  if (!node || !token || !thread.client) return;
  const before = node;
  thread.update(id, (n) => ({ ...n, comment: { ...n.comment, status: 'deleted', body: '' }, ui: {} }));
  thread.total--;
  thread.focusAfter('heading');
  try {
    await thread.client.deleteComment(id, token.token);
    forgetToken(id);
    thread.ownVersion++;
    thread.update(id, (n) => (n.replies.length ? n : undefined));
    thread.announce(t.thread.deletedNotice);
    thread.commentsChanged();
  } catch (error) {
    const notice = `${t.thread.changeFailed} ${errorMessage(error as Error, t)}`;
    thread.update(id, () => ({ ...before, ui: { ...before.ui, confirmDelete: false, notice } }));
    thread.total++;
    thread.announce(notice);
    failed(error as Error);
  }
}
