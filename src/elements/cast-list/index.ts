import { defineElement } from '../../shared/define-element.js';
import { CastList } from './cast-list.js';

export { CastList };
export * from './events.js';
defineElement('cast-list', CastList);

declare global {
  interface HTMLElementTagNameMap {
    'cast-list': CastList;
  }
}
