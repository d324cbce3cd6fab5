/**
 * Registers the Simplified Chinese catalogue (used for every `zh` tag), so elements speak Chinese
 * from their first render, with no request: `import 'review-elements/locales/zh-Hans.js'`. (Without
 * it, elements fetch the catalogue when they first meet `lang="zh-…"`, showing English meanwhile.
 * The CDN bundle has every catalogue.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import zhHans from '../shared/i18n/zh-Hans.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('zh-Hans', catalogue(zhHans));
