/**
 * Registers the Brazilian Portuguese catalogue, so elements speak it from their first render, with no request:
 * `import 'review-elements/locales/pt-BR.js'`. (Without it, elements fetch the catalogue when they
 * first meet a matching `lang`, showing English meanwhile.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import ptBR from '../shared/i18n/pt-BR.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('pt-BR', catalogue(ptBR));
