import type { BaseKey, Plural, Translation } from './en.js';

export type { BaseKey, Plural, Translation };
export { enBase, enCast, enThread, enWarning } from './en.js';
export type CatalogueId = 'en' | 'zh-Hans' | 'ko';

export const SUPPORTED_LOCALES: readonly CatalogueId[] = ['en', 'zh-Hans', 'ko'];

/**
 * Catalogues other than English load on demand, each as its own small module: together they
 * were 4.5 KB of the bundle's gzip, paid by every reader for strings most never see. A page in
 * Korean fetches `ko` once (3 KB gzip) and every element shares it.
 */
const loaders: Record<Exclude<CatalogueId, 'en'>, () => Promise<Translation>> = {
  'zh-Hans': () => import('./zh-Hans.js').then((m) => m.zhHans),
  ko: () => import('./ko.js').then((m) => m.ko),
};
const loaded = new Map<CatalogueId, Translation>();
const loading = new Map<CatalogueId, Promise<Translation>>();

/**
 * The catalogue for a BCP 47 tag. Any Chinese tag gets the Simplified catalogue (a Traditional
 * reader reads it far better than the English fallback); Intl formatting still uses the exact tag.
 */
export function catalogueFor(lang: string): CatalogueId {
  const language = lang.trim().toLowerCase().split(/[-_]/)[0];
  if (language === 'zh') return 'zh-Hans';
  if (language === 'ko') return 'ko';
  return 'en';
}

/** A loaded non-English catalogue, or undefined (English is per element; see `LocaleController`). */
export function loadedCatalogue(id: CatalogueId): Translation | undefined {
  return loaded.get(id);
}

/**
 * Loads a catalogue once per page. A failed load (offline, a CDN hiccup) is forgotten, so the
 * next element to ask tries again; meanwhile elements keep their English strings.
 */
export function loadCatalogue(id: Exclude<CatalogueId, 'en'>): Promise<Translation> {
  let promise = loading.get(id);
  if (!promise) {
    promise = loaders[id]().then(
      (catalogue) => {
        loaded.set(id, catalogue);
        return catalogue;
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, promise);
  }
  return promise;
}

/** A valid Intl locale for a tag from the page, which may be anything (`lang="english"`, `""`). */
export function intlLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}
