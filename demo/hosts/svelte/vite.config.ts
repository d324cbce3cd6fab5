import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { shared } from '../vite.shared.ts';

/** The Svelte 5 host: `npm run build:hosts` writes dist/hosts/svelte/. */
export default defineConfig({
  ...shared,
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Each host its own dependency cache, so the three dev servers can run side by side.
  cacheDir: '../../../node_modules/.vite/hosts-svelte',
  plugins: [svelte({ configFile: false })],
  build: { outDir: '../../../dist/hosts/svelte', emptyOutDir: true, sourcemap: true },
});
