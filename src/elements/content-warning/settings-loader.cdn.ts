/** The CDN build's `settings-loader.ts`: the element is in the bundle (see that file). */
import '../content-warning-settings/index.js';

export function loadSettingsElement(): Promise<unknown> {
  return Promise.resolve();
}
