import { describe, expect, it } from 'vitest';
import { configCacheName, keptConfigFetch, type ConfigCacheStorage } from './kept-config';
import { loadRuntimeConfig } from './load-config';

/** Cache Storage in memory (jsdom has none): one cache per name, responses by URL. */
function memoryCaches(): ConfigCacheStorage & { stored: Map<string, Map<string, Response>> } {
  const stored = new Map<string, Map<string, Response>>();
  return {
    stored,
    open: (name) => {
      const cache = stored.get(name) ?? new Map<string, Response>();
      stored.set(name, cache);
      return Promise.resolve({
        match: (request: string) => Promise.resolve(cache.get(request)?.clone()),
        put: (request: string, response: Response) => {
          cache.set(request, response);
          return Promise.resolve();
        },
      } as Pick<Cache, 'match' | 'put'>);
    },
  };
}

const url = 'http://gridboard.local/config.json';
const deployment = (title: string) => JSON.stringify({ title, mock: false, api: { baseUrl: '/api' } });
const serving =
  (body: string): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status: 200 }));
const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('the configuration kept for offline starts', () => {
  it('reads the network whenever it answers, even with a kept copy, and keeps what it answered', async () => {
    const caches = memoryCaches();
    const first = keptConfigFetch(caches, serving(deployment('甲区')));
    const loaded = await loadRuntimeConfig(url, first.fetch);
    expect(loaded.ok && loaded.config.title).toBe('甲区');
    await first.keep();
    expect(await caches.stored.get(configCacheName)?.get(url)?.clone().text()).toBe(deployment('甲区'));

    // The deployment changed its configuration: the page gets the new one, never the kept copy.
    const second = keptConfigFetch(caches, serving(deployment('乙区')));
    const reloaded = await loadRuntimeConfig(url, second.fetch);
    expect(reloaded.ok && reloaded.config.title).toBe('乙区');
  });

  it('answers with the kept copy only when the network fails', async () => {
    const caches = memoryCaches();
    const online = keptConfigFetch(caches, serving(deployment('甲区')));
    await loadRuntimeConfig(url, online.fetch);
    await online.keep();
    const loaded = await loadRuntimeConfig(url, keptConfigFetch(caches, offline).fetch);
    expect(loaded.ok && loaded.config.title).toBe('甲区');
  });

  it('keeps nothing unless asked (demo mode), and offline without a copy says why it cannot start', async () => {
    const caches = memoryCaches();
    await loadRuntimeConfig(url, keptConfigFetch(caches, serving(deployment('演示'))).fetch);
    const loaded = await loadRuntimeConfig(url, keptConfigFetch(caches, offline).fetch);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]).toMatchObject({ kind: 'unreadable' });
  });

  it('starts as without a kept copy where there is no Cache Storage', async () => {
    const loaded = await loadRuntimeConfig(
      url,
      keptConfigFetch(undefined, serving(deployment('甲区'))).fetch,
    );
    expect(loaded.ok && loaded.config.title).toBe('甲区');
  });
});
