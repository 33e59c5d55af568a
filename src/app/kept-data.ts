import {
  dehydrate,
  hydrate,
  type DehydratedState,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { RuntimeConfig } from '../domain/runtime-config';

/**
 * The last data the dashboard showed, kept in IndexedDB so that a phone opened without a network opens on it,
 * with its data time and the stale badge, instead of an empty map. TanStack Query's own dehydrate/hydrate write and
 * read the cache; each query is kept under its own key, so a refresh of the indicators rewrites them alone, not
 * the grids. Production data sources only (demo mode has its data in the browser anyway).
 *
 * Kept: the geography, cameras, stations, indicators and the data time. Not kept: cases, which carry residents'
 * names and phone numbers and must not outlive the session on a device; and the columnar answers (typed arrays
 * the layers adopt by reference, re-read from the source).
 */
const keptLayers = new Set(['meta', 'regions', 'grids', 'cameras', 'stations', 'indicators']);
/** Older than this, kept data is dropped rather than shown: a week-old map is no longer "the last data". */
const maxAgeMs = 7 * 24 * 60 * 60 * 1000;
const saveDelayMs = 1000;
/**
 * A layer larger than this is not kept: copying it into IndexedDB is a structured clone on the main thread after
 * every refresh (seconds for a province's 70,000 grids, in the middle of the first drawing), and the offline copy is
 * for a phone that opens a city or a district, which holds far fewer grids.
 */
export const maxKeptFeatures = 20_000;

interface KeptQuery {
  /** The data source it came from: another deployment's data (or another source) is never shown. */
  source: string;
  savedAt: number;
  state: DehydratedState;
}

export const isKeptQuery = (key: readonly unknown[]): boolean =>
  typeof key[0] === 'string' && keptLayers.has(key[0]) && key[1] !== 'columns';

/** Whether an answer is small enough to keep (see `maxKeptFeatures`); answers that are not layers always are. */
export function isKeptAnswer(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('features' in data)) return true;
  const { features } = data;
  return !Array.isArray(features) || features.length <= maxKeptFeatures;
}

/** Which data source the kept data belongs to (URLs and providers: never the headers, which may hold tokens). */
export function sourceOf(config: RuntimeConfig): string {
  const sources = Object.entries(config.sources).map(([layer, source]) => [
    layer,
    source.provider,
    source.url,
  ]);
  return JSON.stringify([config.api.baseUrl, sources]);
}

let opened: UseStore | undefined;
const store = (): UseStore => (opened ??= createStore('gridboard-kept-data', 'queries'));

/**
 * Puts the kept data of this source into the cache before the first render of a page opened offline, marked to
 * be asked for again as soon as the network is back (the grids' staleTime is Infinity: without this a kept copy
 * would never be replaced).
 *
 * Online, nothing is restored: the page shows only what the network answers now. A kept copy shown online would
 * carry old figures without the stale badge until each refetch lands, and would make every start read, draw and
 * then re-draw the grids twice (at province scale the map reported itself ready on the kept grids while the fresh
 * ones were being cut, and a click then found no grid).
 */
export async function restoreKeptData(
  client: QueryClient,
  config: RuntimeConfig,
  online: boolean = navigator.onLine,
): Promise<void> {
  if (online) return;
  const source = sourceOf(config);
  let saved: [IDBValidKey, KeptQuery][];
  try {
    saved = await entries<IDBValidKey, KeptQuery>(store());
  } catch {
    return; // no IndexedDB (a private window): start empty, as without this
  }
  const now = Date.now();
  for (const [key, kept] of saved) {
    if (kept.source !== source || now - kept.savedAt > maxAgeMs) {
      void del(key, store()).catch(() => undefined);
      continue;
    }
    hydrate(client, kept.state);
  }
  await client.invalidateQueries({ refetchType: 'none' });
}

/** Writes each kept query again whenever it has new data (a second after, so a burst of answers writes once). */
export function keepData(client: QueryClient, config: RuntimeConfig): () => void {
  const source = sourceOf(config);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const { queryHash, queryKey } = event.query as Query;
    if (!isKeptQuery(queryKey) || !isKeptAnswer(event.query.state.data) || pending.has(queryHash)) return;
    pending.set(
      queryHash,
      setTimeout(() => {
        pending.delete(queryHash);
        const state = dehydrate(client, {
          shouldDehydrateQuery: (query) => query.queryHash === queryHash && query.state.status === 'success',
          shouldDehydrateMutation: () => false,
        });
        const kept: KeptQuery = { source, savedAt: Date.now(), state };
        // A full disk or a private window loses the kept copy only; the dashboard itself carries on.
        void set(queryHash, kept, store()).catch(() => undefined);
      }, saveDelayMs),
    );
  });
}
