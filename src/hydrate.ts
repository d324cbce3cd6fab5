/**
 * The bundle for pages rendered on the server (@lit-labs/ssr): lit's hydration support first, so
 * every element adopts its server-rendered shadow DOM instead of rendering it again, then every
 * element. Built to dist/hydrate/review-elements.js (`npm run build:hydrate`).
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './index.js';
