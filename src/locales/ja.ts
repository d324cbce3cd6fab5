/**
 * Registers the Japanese catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/ja.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import ja from '../shared/i18n/ja.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('ja', catalogue(ja));
