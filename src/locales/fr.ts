/**
 * Registers the French catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/fr.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import fr from '../shared/i18n/fr.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('fr', catalogue(fr));
