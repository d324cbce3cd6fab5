import { defineElement } from '../../shared/define-element.js';
import { CommentModeration, ModerationChangeEvent } from './comment-moderation.js';

export { CommentModeration, ModerationChangeEvent };
defineElement('comment-moderation', CommentModeration);

declare global {
  interface HTMLElementTagNameMap {
    'comment-moderation': CommentModeration;
  }
  interface HTMLElementEventMap {
    'moderation-change': ModerationChangeEvent;
  }
}
