/** Detail shared by both events: the warning's topic ids, and whether a remembered choice acted. */
export interface ContentWarningDetail {
  topics: string[];
  remembered: boolean;
}

/**
 * The reader asked to see the content (or a remembered choice did). Cancelable: a host may ask for
 * confirmation (an age gate) first and call `reveal()` itself later.
 */
export class ContentWarningRevealEvent extends CustomEvent<ContentWarningDetail> {
  static readonly type = 'content-warning-reveal';
  constructor(detail: ContentWarningDetail) {
    super(ContentWarningRevealEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** The content was hidden again. */
export class ContentWarningHideEvent extends CustomEvent<ContentWarningDetail> {
  static readonly type = 'content-warning-hide';
  constructor(detail: ContentWarningDetail) {
    super(ContentWarningHideEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'content-warning-reveal': ContentWarningRevealEvent;
    'content-warning-hide': ContentWarningHideEvent;
  }
}
