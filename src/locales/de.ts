/**
 * Registers the German catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/de.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import de from '../shared/i18n/de.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('de', catalogue(de));
