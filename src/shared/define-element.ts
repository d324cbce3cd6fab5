import { VERSION } from './version.js';

interface Versioned {
  version?: string;
}

const warned = new Set<string>();

/**
 * Registers a tag once. A page may hold two copies of the library (a theme's bundle and a plugin's):
 * when the tag is already taken by this class or by the same version, nothing happens; another
 * version gets one console warning naming both. Never throws, because a throw here would break the
 * host page's script.
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor & Versioned,
  registry: CustomElementRegistry = globalThis.customElements,
): void {
  if (!registry) return;
  const existing = registry.get(tag) as (CustomElementConstructor & Versioned) | undefined;
  if (!existing) {
    try {
      registry.define(tag, ctor);
    } catch (error) {
      // Another script defined the tag between our check and define, or the constructor was
      // already used for another tag: the page keeps working, we just say so.
      console.warn(`review-elements: could not define <${tag}>.`, error);
    }
    return;
  }
  if (existing === ctor) return;
  const ours = ctor.version ?? VERSION;
  const theirs = existing.version ?? 'unknown';
  if (ours === theirs || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `review-elements: <${tag}> is already defined by version ${theirs}; this copy (version ${ours}) ` +
      `leaves it as it is. Load one copy of review-elements per page to avoid surprises.`,
  );
}
