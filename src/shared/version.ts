/** Replaced at build time with package.json's version, so two copies on one page can tell each other apart. */
declare const __REVIEW_ELEMENTS_VERSION__: string | undefined;
export const VERSION: string =
  typeof __REVIEW_ELEMENTS_VERSION__ === 'string' ? __REVIEW_ELEMENTS_VERSION__ : '0.0.0-dev';
