import { noChange, nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/** The elements of a comment that can take focus after an action. */
export type FocusName = 'comment' | 'edit' | 'confirm' | 'delete' | 'reply' | `spoiler-${number}`;

/** Registers the element it is placed on (`<button ${view.target(id, 'reply')}>`). */
class TargetDirective extends Directive {
  render(_targets: FocusTargets, _key: string) {
    return nothing;
  }
  override update(part: ElementPart, [targets, key]: [FocusTargets, string]) {
    targets.set(key, part.element as HTMLElement);
    return noChange;
  }
}
const targetDirective = directive(TargetDirective);

/** What `FocusTargets#at` returns: bind it on an element (`<button ${target}>`). */
export type FocusTarget = ReturnType<typeof targetDirective>;

/**
 * Focus by reference: each template that renders a focusable part of a comment registers the
 * element here, and the thread focuses the element it holds — no selector built in one file and
 * matched to attributes in another. A small directive rather than lit's `ref`, which brings the
 * async-directive machinery (0.6 KB gzip) only to hear of disconnection; here a removed element is
 * simply skipped (not connected) and replaced when its part renders again.
 */
export class FocusTargets {
  readonly #elements = new Map<string, HTMLElement>();

  /** Marks the element as part `name` of comment `id`. */
  at(id: string, name: FocusName): FocusTarget {
    return targetDirective(this, `${id}\n${name}`);
  }

  set(key: string, element: HTMLElement): void {
    // At most a few entries per comment loaded, so it grows no faster than the thread itself.
    this.#elements.set(key, element);
  }

  /** Focuses part `name` of comment `id`, if it is on the page. */
  focus(id: string, name: FocusName): void {
    const element = this.#elements.get(`${id}\n${name}`);
    if (element?.isConnected) element.focus();
  }
}
