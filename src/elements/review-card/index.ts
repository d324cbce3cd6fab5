import { defineElement } from '../../shared/define-element.js';
// The card renders <review-rating>: importing the card alone must be enough.
import '../review-rating/index.js';
import { ReviewCard } from './review-card.js';

export { ReviewCard };
defineElement('review-card', ReviewCard);

declare global {
  interface HTMLElementTagNameMap {
    'review-card': ReviewCard;
  }
}
