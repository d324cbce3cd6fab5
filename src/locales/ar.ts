/**
 * Registers the Arabic catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/ar.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import ar from '../shared/i18n/ar.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('ar', catalogue(ar));
