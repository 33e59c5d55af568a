import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './csp.config.ts';

// One build serves every deployment: nothing city-specific is baked in here (see public/config.json).
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  // The preview server (which the browser tests use) sends the production policy, so every journey runs under it.
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
    // dist/.vite/manifest.json: what `npm run bench` reads to report the initial bundle and what loads lazily.
    manifest: true,
  },
  worker: { format: 'es' },
});
