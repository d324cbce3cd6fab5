/**
 * Registers the Traditional Chinese catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/zh-Hant.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import zhHant from '../shared/i18n/zh-Hant.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('zh-Hant', catalogue(zhHant));
