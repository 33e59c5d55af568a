import type { LayerSources } from '../../../data/provider';

/** The most ids one request asks for (GET /cases `ids=` allows 200). */
const maxIds = 200;

interface Waiter {
  resolve: (title: string | null) => void;
  reject: (error: unknown) => void;
}

export interface TitleWindow {
  from: string;
  to: string;
}

/**
 * Titles asked for one id at a time (each a query of its own, cached by id) but fetched together: the ids asked
 * for in the same tick go out as one `GET /cases?ids=` per window (at most 200 ids a request). A case the
 * answer does not hold resolves to null (its category's label stands in); a failed request fails each query.
 */
export function createTitleLoader(
  source: LayerSources,
): (id: string, window: TitleWindow) => Promise<string | null> {
  let pending = new Map<string, { window: TitleWindow; waiting: Map<string, Waiter[]> }>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batches = pending;
    pending = new Map();
    for (const { window, waiting } of batches.values()) {
      const ids = [...waiting.keys()];
      for (let start = 0; start < ids.length; start += maxIds) {
        const chunk = ids.slice(start, start + maxIds);
        const waiters = chunk.flatMap((id) => (waiting.get(id) ?? []).map((waiter) => ({ id, waiter })));
        source
          .cases({ from: window.from, to: window.to, ids: chunk })
          .then((collection) => {
            const titles = new Map<string, string>(
              collection.features.map((feature) => [feature.properties.id, feature.properties.title]),
            );
            for (const { id, waiter } of waiters) waiter.resolve(titles.get(id) ?? null);
          })
          // A failure is each query's error (retried as any query), not a null title cached for good.
          .catch((error: unknown) => {
            for (const { waiter } of waiters) waiter.reject(error);
          });
      }
    }
  };

  return (id, window) =>
    new Promise((resolve, reject) => {
      const key = `${window.from}/${window.to}`;
      let batch = pending.get(key);
      if (!batch) {
        batch = { window, waiting: new Map() };
        pending.set(key, batch);
      }
      batch.waiting.set(id, [...(batch.waiting.get(id) ?? []), { resolve, reject }]);
      if (scheduled) return;
      scheduled = true;
      setTimeout(flush, 0);
    });
}
