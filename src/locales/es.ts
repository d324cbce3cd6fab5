/**
 * Registers the Spanish catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/es.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import es from '../shared/i18n/es.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('es', catalogue(es));
