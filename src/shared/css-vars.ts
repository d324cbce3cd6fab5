import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS custom properties (or any style property) on an element through the CSSOM, also on the
 * first render. Lit's `styleMap` writes a `style` attribute on first render, which a page with a
 * strict Content-Security-Policy (no `'unsafe-inline'` styles) blocks; `element.style.setProperty`
 * is allowed. Written here because no lit directive does only this.
 *
 *   html`<span ${cssVars({ '--_hue': '210' })}></span>`
 */
class CssVarsDirective extends Directive {
  #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVars() goes in an element, not an attribute');
  }

  render(_properties: Record<string, string | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#set) {
      if (properties[name] === undefined) {
        style.removeProperty(name);
        this.#set.delete(name);
      }
    }
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

export const cssVars = directive(CssVarsDirective);
