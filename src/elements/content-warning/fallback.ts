/**
 * The fallback before the script runs: a page wraps the warned-about content in a native
 * `<details>` (its only child element), which keeps it closed while the script loads, when it is
 * blocked or fails, and with JavaScript off, with no script or CSS of ours. Once the element runs,
 * it guards the content itself, so it opens the disclosure and hides its summary.
 */

/** The element's fallback disclosure, if its content is one `<details>` (slotted notes and a data script aside). */
export function fallbackDisclosure(host: HTMLElement): HTMLDetailsElement | undefined {
  const children = [...host.children].filter((child) => !child.hasAttribute('slot') && child.localName !== 'script');
  return children.length === 1 && children[0] instanceof HTMLDetailsElement ? children[0] : undefined;
}

const adopted = new WeakSet<HTMLDetailsElement>();

/** Keeps an adopted disclosure open: with its summary hidden, nothing else could open it again. */
function keepOpen(this: HTMLDetailsElement): void {
  if (!this.open) this.open = true;
}

/**
 * Opens the disclosure for good and hides its summary (the element's notice replaces it), once.
 * Returns whether the reader had opened it before: they chose to see the content then.
 */
export function adoptDisclosure(details: HTMLDetailsElement): boolean {
  if (adopted.has(details)) return false;
  adopted.add(details);
  const openedByReader = details.open;
  // Through the CSSOM, which a strict CSP allows; `!important` beats a theme's `summary { display: … }`.
  details.querySelector<HTMLElement>(':scope > summary')?.style.setProperty('display', 'none', 'important');
  details.open = true;
  details.addEventListener('toggle', keepOpen);
  return openedByReader;
}
