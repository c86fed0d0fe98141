/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** KERN UX is EUPL-1.2: its licence travels with the built files that contain it. */
function kernLicence(): Plugin {
  return {
    name: 'kern-licence',
    generateBundle() {
      const licence = require.resolve('@kern-ux/native/LICENSE.md');
      this.emitFile({ type: 'asset', fileName: 'licences/kern-ux-EUPL-1.2.md', source: readFileSync(licence, 'utf8') });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react(), kernLicence()],
  build: { outDir: '../../dist/apps/web', emptyOutDir: true, reportCompressedSize: false },
  // `npm start` serves the built app; `npx vite apps/web` serves it live against a running npm start.
  server: { port: 4200, proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
