import { defineElement } from '../../shared/define-element.js';
import { ReviewRating } from './review-rating.js';

export { ReviewRating };
defineElement('review-rating', ReviewRating);

declare global {
  interface HTMLElementTagNameMap {
    'review-rating': ReviewRating;
  }
}
