/**
 * Measures what a reader would see cut or stray in an element's shadow DOM (and the shadow DOM of
 * elements inside it): text wider than its box, text outside the box that clips it (overflow or
 * an `inset()` clip-path, as the card's inline lists use), parts outside the host, and inline-list
 * separators that start a line.
 */
export interface Problem {
  where: string;
  what: string;
}

const describe = (el: Element) => {
  const part = el.getAttribute('part');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `${el.localName}${part ? `[part=${part}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${text}"`;
};

/** Every element in the shadow trees under `host` (nested ones too), not the light DOM. */
function shadowElements(host: Element): Element[] {
  const out: Element[] = [];
  const visit = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return out;
}

function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** Screen-reader-only text (1 px, clipped by design) is not seen, so not measured. */
function screenReaderOnly(el: Element | null): boolean {
  for (let node = el; node; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.clipPath === 'inset(50%)' || (style.position === 'absolute' && node.getBoundingClientRect().width <= 1))
      return true;
  }
  return false;
}

function hiddenByStyle(el: Element): boolean {
  if (!(el as HTMLElement).checkVisibility?.()) return true;
  return screenReaderOnly(el);
}

/** The visible box of an element that clips: its border box, less an `inset()` clip-path. */
function clipBox(el: Element): DOMRect | undefined {
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const inset = /^inset\(([^)]*)\)$/.exec(style.clipPath);
  if (inset) {
    const v = inset[1].split(/\s+/).map((x) => parseFloat(x) || 0);
    const [top, right = top, bottom = top, left = right] = v;
    return new DOMRect(rect.left + left, rect.top + top, rect.width - left - right, rect.height - top - bottom);
  }
  if (style.overflowX !== 'visible') return rect;
  return undefined;
}

const SLACK = 1;

export function layoutProblems(host: Element): Problem[] {
  const problems: Problem[] = [];
  const hostRect = host.getBoundingClientRect();
  const elements = shadowElements(host).filter((el) => !hiddenByStyle(el));

  for (const el of elements) {
    const display = getComputedStyle(el).display;
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    // Block boxes with text: nothing wider than the box.
    if (
      hasText &&
      display !== 'inline' &&
      display !== 'contents' &&
      el.clientWidth > 0 &&
      el.scrollWidth > el.clientWidth + SLACK
    ) {
      problems.push({ where: describe(el), what: `text overflows its box (${el.scrollWidth} > ${el.clientWidth})` });
    }
    // Parts stay inside the host.
    if (el.hasAttribute('part')) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.left < hostRect.left - SLACK || r.right > hostRect.right + SLACK)) {
        problems.push({
          where: describe(el),
          what: `outside the host (${r.left.toFixed(1)}–${r.right.toFixed(1)} vs ${hostRect.left.toFixed(1)}–${hostRect.right.toFixed(1)})`,
        });
      }
    }
  }

  // Every text node: inside the host and inside whatever clips it.
  for (const el of elements) {
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const clips: [Element, DOMRect][] = [];
      for (let a: Element | null = el; a && a !== host; a = parentOf(a)) {
        const box = clipBox(a);
        if (box) clips.push([a, box]);
      }
      for (const r of range.getClientRects()) {
        if (!r.width) continue;
        if (r.left < hostRect.left - SLACK || r.right > hostRect.right + SLACK) {
          problems.push({
            where: describe(el),
            what: `text "${node.textContent!.trim().slice(0, 30)}" outside the host`,
          });
        }
        for (const [clipper, box] of clips) {
          if (r.left < box.left - SLACK || r.right > box.right + SLACK) {
            problems.push({
              where: describe(el),
              what: `text "${node.textContent!.trim().slice(0, 30)}" cut by ${describe(clipper)}`,
            });
          }
        }
      }
    }
  }

  // Inline lists ("·" before every item, the list's start strip clipped): the item that starts a
  // line must have its separator in the clipped strip, the others between two items.
  for (const list of elements.filter((el) => el.classList.contains('inline-list'))) {
    const box = clipBox(list);
    const rtl = getComputedStyle(list).direction === 'rtl';
    const items = [...list.children]
      .filter((li) => !hiddenByStyle(li))
      .map((li) => ({ li, r: li.getBoundingClientRect() }));
    const lines = new Map<number, typeof items>();
    for (const item of items) {
      const key = Math.round(item.r.top);
      lines.set(key, [...(lines.get(key) ?? []), item]);
    }
    for (const line of lines.values()) {
      line.sort((a, b) => (rtl ? b.r.right - a.r.right : a.r.left - b.r.left));
      for (const [i, { li, r }] of line.entries()) {
        const sep =
          parseFloat(getComputedStyle(li, '::before').inlineSize || getComputedStyle(li, '::before').width) || 0;
        const content = li.firstElementChild?.getBoundingClientRect();
        // The separator is at the item's start side, which must be the page's start side.
        if (content && (rtl ? r.right - content.right : content.left - r.left) < sep - SLACK) {
          problems.push({ where: describe(li), what: 'its separator is not at the start of the item' });
        }
        const strip = rtl ? [r.right - sep, r.right] : [r.left, r.left + sep];
        const seen = box ? strip[1] > box.left + SLACK && strip[0] < box.right - SLACK : true;
        if (i === 0 && seen) problems.push({ where: describe(li), what: 'a stray separator starts the line' });
      }
    }
  }
  return problems;
}
