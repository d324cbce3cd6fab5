/**
 * Registers the Korean catalogue, so elements speak Korean from their first render, with no
 * request: `import 'review-elements/locales/ko.js'` in an app whose pages are in Korean. (Without
 * it, elements fetch the catalogue when they first meet `lang="ko"`, showing English meanwhile.
 * The CDN bundle has every catalogue.)
 */
import { registerCatalogue } from '../shared/i18n/index.js';
import ko from '../shared/i18n/ko.json';
import { catalogue } from '../shared/i18n/catalogue.js';

registerCatalogue('ko', catalogue(ko));
