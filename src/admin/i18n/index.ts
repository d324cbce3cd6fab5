import { catalogueFor } from '../../shared/i18n/index.js';
import { enAdmin, type AdminStrings } from './en.js';
import { koAdmin } from './ko.js';
import { zhHansAdmin } from './zh-Hans.js';

export type { AdminStrings };
export { enAdmin };

/**
 * The admin strings for a locale, chosen like the readers' catalogues (`catalogueFor`). All three
 * are in the admin entry: it is not part of the readers' bundle, so its size matters less than
 * showing an owner's language at once.
 */
export function adminStrings(locale: string): AdminStrings {
  const id = catalogueFor(locale);
  return id === 'ko' ? koAdmin : id === 'zh-Hans' ? zhHansAdmin : enAdmin;
}

/** A message for a failed admin request, in the owner's language. */
export function adminError(error: unknown, t: AdminStrings): string {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return t.errors[code] ?? `${t.errors.generic} ${(error as Error | undefined)?.message ?? ''}`.trim();
}
