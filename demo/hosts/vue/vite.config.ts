import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { shared } from '../vite.shared.ts';

/** The Vue 3 host: `npm run build:hosts` writes dist/hosts/vue/. */
export default defineConfig({
  ...shared,
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Each host its own dependency cache, so the three dev servers can run side by side.
  cacheDir: '../../../node_modules/.vite/hosts-vue',
  plugins: [
    vue({
      // Tags with a dash are custom elements, not Vue components to resolve.
      template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } },
    }),
  ],
  build: { outDir: '../../../dist/hosts/vue', emptyOutDir: true, sourcemap: true },
});
