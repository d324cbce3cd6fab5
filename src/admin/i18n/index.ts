import { catalogueFor } from '../../shared/i18n/index.js';
import { compile, type Params } from '../../shared/i18n/compile.js';
import { enAdmin, type AdminStrings } from './en.js';
import ko from './ko.json';
import zhHans from './zh-Hans.json';

export type { AdminStrings };
export { enAdmin };

/** The parameters of `en.ts`'s functions, by name: the placeholders of ko.json and zh-Hans.json (see compile.ts). */
const PARAMS: Params<AdminStrings> = {
  list: { edit: ['title'] },
  editor: { editTitle: ['title'], remove: ['what'], moveUp: ['what'], moveDown: ['what'], item: ['n'], invalid: ['n'] },
  validation: { tooLong: ['max'] },
  moderation: { select: ['name'], selected: ['n'], on: ['title'], reports: ['n'], done: ['n'], until: ['date'] },
};

const koAdmin = compile<AdminStrings>(ko, PARAMS);
const zhHansAdmin = compile<AdminStrings>(zhHans, PARAMS);

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
