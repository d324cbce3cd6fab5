import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { shared } from '../vite.shared.ts';

/** The React 19 host: `npm run build:hosts` writes dist/hosts/react/. */
export default defineConfig({
  ...shared,
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Each host its own dependency cache, so the three dev servers can run side by side.
  cacheDir: '../../../node_modules/.vite/hosts-react',
  plugins: [react()],
  build: { outDir: '../../../dist/hosts/react', emptyOutDir: true, sourcemap: true },
});
