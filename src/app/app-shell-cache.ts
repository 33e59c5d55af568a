/**
 * The Cache Storage cache that holds the runtime configuration for offline starts: filled by the app shell's
 * worker (vite.config.ts, NetworkFirst) and by the page on its first visit (app-shell.ts), when no worker
 * controls the page yet.
 */
export const configCacheName = 'gridboard-config';
