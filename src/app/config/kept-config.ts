/**
 * The runtime configuration for offline starts. The page asks the network for it at every start, as without an
 * app shell, and a real deployment's answer is kept in Cache Storage; only when the network fails (or takes
 * longer than a weak network's patience while a kept copy exists) does the kept copy answer instead.
 *
 * The page does this itself rather than the app shell's service worker: a worker that fetched the configuration
 * on the page's behalf would answer with whatever its own request got, which need not be what the page was
 * served (a request a worker makes bypasses the page's interception — Playwright's `page.route`, and any
 * in-page fixture), and a wrong configuration means another data source's figures under this view's title.
 */
export const configCacheName = 'gridboard-config';
/** Workbox's NetworkFirst default for a weak network: after this, a kept copy answers. */
const networkTimeoutMs = 5000;

/** The part of Cache Storage used here (a test passes its own). */
export interface ConfigCacheStorage {
  open(name: string): Promise<Pick<Cache, 'match' | 'put'>>;
}

export interface ConfigFetch {
  /** A `fetch` for `loadRuntimeConfig`: the network first, the kept copy when the network fails. */
  fetch: typeof fetch;
  /**
   * Keeps the configuration the network answered with this start, for the next offline one. Called only for a
   * real deployment's (`mock: false`): demo mode keeps nothing on the device.
   */
  keep(): Promise<void>;
  /**
   * Whether this start's configuration came from the kept copy because the network failed: the page is offline,
   * whatever `navigator.onLine` says (Chromium 150 reports true on a reload under emulated offline).
   */
  answeredFromKeptCopy(): boolean;
}

const storage = (): ConfigCacheStorage | undefined => (typeof caches === 'undefined' ? undefined : caches);

export function keptConfigFetch(
  cacheStorage: ConfigCacheStorage | undefined = storage(),
  fetchImpl: typeof fetch = fetch,
): ConfigFetch {
  let answered: { url: string; response: Response } | undefined;
  let fellBack = false;
  const cache = async () => {
    try {
      return await cacheStorage?.open(configCacheName);
    } catch {
      return undefined; // no Cache Storage (an insecure origin, a private window): start as without it
    }
  };
  return {
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const kept = await (await cache())?.match(url);
      try {
        const response = await fetchImpl(input, {
          ...init,
          ...(kept ? { signal: AbortSignal.timeout(networkTimeoutMs) } : {}),
        });
        if (response.ok) answered = { url, response: response.clone() };
        return response;
      } catch (error) {
        if (kept) {
          fellBack = true;
          return kept;
        }
        throw error;
      }
    },
    answeredFromKeptCopy: () => fellBack,
    keep: async () => {
      if (!answered) return;
      const { url, response } = answered;
      answered = undefined;
      // Best effort, as all caching: a full disk loses the offline copy only.
      await (await cache())?.put(url, response).catch(() => undefined);
    },
  };
}
