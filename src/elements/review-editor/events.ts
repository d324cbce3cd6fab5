import type { ReviewState } from '../../admin/admin-client.js';

/** A review was saved (as a draft, or published). */
export class ReviewEditorSaveEvent extends Event {
  constructor(
    readonly reviewId: string,
    readonly state: ReviewState,
  ) {
    super('review-editor-save', { bubbles: true, composed: true });
  }
}

/** A review was deleted, with its comments. */
export class ReviewEditorDeleteEvent extends Event {
  constructor(readonly reviewId: string) {
    super('review-editor-delete', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'review-editor-save': ReviewEditorSaveEvent;
    'review-editor-delete': ReviewEditorDeleteEvent;
  }
}
