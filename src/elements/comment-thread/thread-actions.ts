import type { TemplateResult } from 'lit';
import type { BaseKey, Translation } from '../../shared/i18n/index.js';
import { defineElement } from '../../shared/define-element.js';
import { errorMessage } from '../../shared/load-states.js';
import { REPLIES_SHOWN, REPLIES_STEP, type ThreadActions } from './comment-view.js';
import { loadReportElement } from './report-loader.js';
import type { ThreadController } from './thread-controller.js';
import { findPath, type Node } from './thread-model.js';

/**
 * What a reader's clicks on a comment do: each changes the comment's UI state in the controller
 * and, where the button that was pressed goes away, says where focus goes next (by element
 * reference, through the thread's focus targets).
 */
export function threadActions(
  thread: ThreadController,
  host: { t: () => Pick<Translation, BaseKey>; replyForm: (node: Node) => TemplateResult },
): ThreadActions {
  const node = (id: string) => findPath(thread.nodes, id)?.at(-1);
  return {
    reply: (id) => thread.setUi(id, { replying: !node(id)?.ui.replying }),
    edit: (id) => {
      thread.setUi(id, { editing: true, editText: node(id)?.comment.body, notice: undefined });
      thread.focusAfter({ id, name: 'edit' });
    },
    editInput: (id, text) => thread.setUi(id, { editText: text }),
    cancelEdit: (id) => {
      thread.setUi(id, { editing: false, editText: undefined });
      thread.focusAfter({ id, name: 'comment' });
    },
    saveEdit: (id) => void thread.saveEdit(id),
    askDelete: (id) => {
      thread.setUi(id, { confirmDelete: true });
      thread.focusAfter({ id, name: 'confirm' });
    },
    cancelDelete: (id) => {
      thread.setUi(id, { confirmDelete: false });
      thread.focusAfter({ id, name: 'delete' });
    },
    confirmDelete: (id) => void thread.delete(id),
    retry: (id) => thread.retryPost(id),
    showSpoiler: (id) => {
      thread.setUi(id, { spoilerShown: true });
      thread.focusAfter({ id, name: 'comment' });
    },
    revealInline: (id, index) => {
      thread.setUi(id, { revealed: new Set([...(node(id)?.ui.revealed ?? []), index]) });
      // The button is gone; the words that replace it take focus, so reading goes on from there.
      thread.focusAfter({ id, name: `spoiler-${index}` });
    },
    // The report form's code is fetched the first time a reader asks (a chunk of its own on the CDN).
    report: (id) =>
      void loadReportElement().then(
        ({ CommentReport }) => {
          defineElement('review-comment-report', CommentReport);
          thread.setUi(id, { reporting: true });
        },
        (error: Error) => thread.announce(errorMessage(error, host.t())),
      ),
    moreReplies: (id) =>
      thread.setUi(id, { repliesShown: (node(id)?.ui.repliesShown ?? REPLIES_SHOWN) + REPLIES_STEP }),
    renderReplyForm: host.replyForm,
  };
}
