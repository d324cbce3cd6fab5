/**
 * Loads `<content-warning-settings>` when a warning first opens it, so `content-warning.js` alone
 * does not carry it. The CDN build swaps this file for `settings-loader.cdn.ts` (vite.config.ts):
 * there the element is in the bundle already, and this dynamic import made rolldown split lit
 * into a chunk of its own.
 */
export function loadSettingsElement(): Promise<unknown> {
  return import('../content-warning-settings/index.js');
}
