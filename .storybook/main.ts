import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for review-elements. `npm run storybook` / `npm run build-storybook` run `cem analyze`
 * first, so `custom-elements.json` (read by preview.ts for the docs tables) is always fresh.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: [
    // The demo's review documents and images: <review-card src="data/ballerina.json">.
    { from: '../demo/data', to: '/data' },
    // MSW's service worker, straight from the installed msw, so it always matches the library's
    // version (msw warns when they differ). A single file, not the whole of msw/lib.
    { from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' },
  ],
  core: { disableTelemetry: true },
  /**
   * The repo's vite.config.ts is loaded too (it supplies `define: __REVIEW_ELEMENTS_VERSION__`).
   * Storybook 10's builder-vite already ignores the project's `build` block (it keeps only
   * `build.target`), so the library-mode `build.lib` cannot leak into the Storybook build; this
   * drops `build.lib` again in case a future builder stops doing that, and drops the demo's dev
   * server host/port, which are not Storybook's.
   *
   * In dev, @storybook/web-components' preview entry is served unbundled and imports
   * `lit/directive-helpers.js`, which the dep optimizer does not discover: that pulled in a second
   * lit-html (the "Multiple versions of Lit loaded" warning). Pre-bundling it with `lit` shares one.
   */
  viteFinal(viteConfig) {
    if (viteConfig.build && 'lib' in viteConfig.build) delete viteConfig.build.lib;
    // The CDN build's loader plugin (scripts/cdn-loader.ts) would write dist/review-elements.js
    // from Storybook's chunks, replacing the real loader the reference server serves.
    viteConfig.plugins = (viteConfig.plugins ?? [])
      .flat(5)
      .filter(
        (plugin) =>
          !(plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'review-elements:cdn-loader'),
      );
    if (viteConfig.server) {
      delete viteConfig.server.port;
      delete viteConfig.server.host;
    }
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return viteConfig;
  },
};

export default config;
