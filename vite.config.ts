import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './csp.config.ts';

// One build serves every deployment: nothing city-specific is baked in here (see public/config.json).
export default defineConfig({
  plugins: [
    react(),
    // The installable app shell (docs/deployment.md, "Offline and installing"). Registered by the app itself, and
    // only when the embedded mock is off (src/app/app-shell.ts): in demo mode MSW's worker holds the same scope.
    VitePWA({
      injectRegister: null,
      // A new version waits until every tab of the app is closed: nothing reloads under a user's hands.
      registerType: 'prompt',
      manifest: {
        name: 'Gridboard 网格化治理一张图',
        short_name: 'Gridboard',
        description: '网格化治理一张图：网格、视频、站点、事件与指标',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f4f6f8',
        theme_color: '#1f3a5f',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The shell: the page, every script and style (lazy pages too, so the planner opens offline).
        globPatterns: ['**/*.{html,js,mjs,css,svg}'],
        // Not the demo city (the mock's data, 4.7 MB), its camera video, nor the mock's own worker: demo mode never
        // uses this worker.
        globIgnores: ['demo-city/**', 'demo-video/**', 'mockServiceWorker.js'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // No runtime caching: the configuration and the data are the page's to fetch and keep (src/app/config/
        // kept-config.ts, src/app/kept-data.ts). A worker's own request would bypass what the page was served.
      },
    }),
  ],
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
