import type { CastMember } from '../../api/index.js';

/**
 * A cast entry was activated (its link followed or, with `selectable`, its name pressed).
 * Cancelable: `preventDefault()` keeps the link from navigating, so a host can open its own page.
 */
export class CastSelectEvent extends CustomEvent<{ member: CastMember }> {
  static readonly type = 'cast-select';
  constructor(member: CastMember) {
    super(CastSelectEvent.type, { detail: { member }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cast-select': CastSelectEvent;
  }
}
