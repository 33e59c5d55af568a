/// <reference types="vite-plugin-pwa/client" />
import { onlineManager } from '@tanstack/react-query';
import type { RuntimeConfig } from '../domain/runtime-config';

/**
 * The installable, offline app shell (vite-plugin-pwa's Workbox worker, vite.config.ts) for production builds
 * that read a real data source. Not in demo mode: the embedded mock runs in MSW's service worker, and a page has
 * one worker per scope, so a second one at "/" would replace it and the mock would stop answering. Not in the
 * dev server either (no precache manifest there). The worker serves the shell only: the configuration is kept by
 * the page (config/kept-config.ts) and the data by the query cache (kept-data.ts), never fetched by the worker.
 */
export async function startAppShell(config: RuntimeConfig): Promise<void> {
  if (config.mock || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // TanStack Query takes the browser as online until an `offline` event; a page opened offline is told at once,
  // so its queries wait for the network (showing what was kept) instead of failing three times each.
  onlineManager.setOnline(navigator.onLine);
  const { registerSW } = await import('virtual:pwa-register');
  registerSW({ immediate: true });
}
