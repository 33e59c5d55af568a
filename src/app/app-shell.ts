/// <reference types="vite-plugin-pwa/client" />
import { onlineManager } from '@tanstack/react-query';
import type { RuntimeConfig } from '../domain/runtime-config';
import { configCacheName } from './app-shell-cache';

/**
 * The installable, offline app shell (vite-plugin-pwa's Workbox worker, vite.config.ts) for production builds
 * that read a real data source. Not in demo mode: the embedded mock runs in MSW's service worker, and a page has
 * one worker per scope, so a second one at "/" would replace it and the mock would stop answering. Not in the
 * dev server either (no precache manifest there).
 */
export async function startAppShell(config: RuntimeConfig, configUrl: string): Promise<void> {
  if (config.mock || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // TanStack Query takes the browser as online until an `offline` event; a page opened offline is told at once,
  // so its queries wait for the network (showing what was kept) instead of failing three times each.
  onlineManager.setOnline(navigator.onLine);
  // The first visit is not under the worker yet, so its configuration never passed through the worker's cache:
  // put it there now, or the first offline start would have no configuration. Best effort, as all caching.
  if (!navigator.serviceWorker.controller) {
    void caches
      .open(configCacheName)
      .then((cache) => cache.add(configUrl))
      .catch(() => undefined);
  }
  const { registerSW } = await import('virtual:pwa-register');
  registerSW({ immediate: true });
}
