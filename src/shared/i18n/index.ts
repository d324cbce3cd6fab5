import { en, type Plural, type Translation } from './en.js';
import { ko } from './ko.js';
import { zhHans } from './zh-Hans.js';

export type { Plural, Translation };
export type CatalogueId = 'en' | 'zh-Hans' | 'ko';

const catalogues: Record<CatalogueId, Translation> = { en, 'zh-Hans': zhHans, ko };

export const SUPPORTED_LOCALES: readonly CatalogueId[] = ['en', 'zh-Hans', 'ko'];

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

export function translation(lang: string): Translation {
  return catalogues[catalogueFor(lang)];
}

/** A valid Intl locale for a tag from the page, which may be anything (`lang="english"`, `""`). */
export function intlLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}
