/**
 * Checked by `npm run typecheck`, never run: every JSON catalogue has exactly English's keys. A
 * missing key is already an error where each is imported (index.ts, src/locales/*.ts, the admin's
 * index.ts); this adds the other way, which a JSON import does not check on its own: a key English
 * does not have (a misspelt plural form, a string English has dropped).
 */
import type { AdminStrings } from '../../src/admin/i18n/index.js';
import koAdmin from '../../src/admin/i18n/ko.json';
import zhHansAdmin from '../../src/admin/i18n/zh-Hans.json';
import type { CatalogueId, Translation } from '../../src/shared/i18n/index.js';
import ar from '../../src/shared/i18n/ar.json';
import de from '../../src/shared/i18n/de.json';
import es from '../../src/shared/i18n/es.json';
import fr from '../../src/shared/i18n/fr.json';
import ja from '../../src/shared/i18n/ja.json';
import ko from '../../src/shared/i18n/ko.json';
import ptBR from '../../src/shared/i18n/pt-BR.json';
import zhHans from '../../src/shared/i18n/zh-Hans.json';
import zhHant from '../../src/shared/i18n/zh-Hant.json';
import type { Words } from '../../src/shared/i18n/compile.js';

/** The paths of keys in `A` that `B` lacks ("thread.moreReplies.onе"); never if there are none. */
type Extra<A, B, Path extends string = ''> = {
  [K in keyof A & string]: K extends keyof B
    ? A[K] extends object
      ? Extra<A[K], B[K], `${Path}${K}.`>
      : never
    : `${Path}${K}`;
}[keyof A & string];

type ExtraIn<T, Shape> = { [Id in keyof T]: Extra<T[Id], Shape> };

export const shared = { ar, de, es, fr, ja, ko, 'pt-BR': ptBR, 'zh-Hans': zhHans, 'zh-Hant': zhHant } satisfies Record<
  Exclude<CatalogueId, 'en'>,
  Words<Translation>
>;
export const admin = { ko: koAdmin, 'zh-Hans': zhHansAdmin } satisfies Record<string, Words<AdminStrings>>;

/** An error here names the catalogue and the key English does not have. */
export const noExtraKeys: [Record<keyof typeof shared, never>, Record<keyof typeof admin, never>] = [
  {} as ExtraIn<typeof shared, Words<Translation>>,
  {} as ExtraIn<typeof admin, Words<AdminStrings>>,
];
