import type { LayerSources } from '../../../data/provider';

/** The most ids one request asks for (GET /cases `ids=` allows 200). */
const maxIds = 200;

export interface TitleWindow {
  from: string;
  to: string;
}

/**
 * Titles asked for one id at a time (each a query of its own, cached by id) but fetched together: the ids asked
 * for in the same tick go out as one `GET /cases?ids=` per window (at most 200 ids a request). A case the
 * answer does not hold resolves to null (its category's label stands in).
 */
export function createTitleLoader(
  source: LayerSources,
): (id: string, window: TitleWindow) => Promise<string | null> {
  let pending = new Map<
    string,
    { window: TitleWindow; waiting: Map<string, ((title: string | null) => void)[]> }
  >();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batches = pending;
    pending = new Map();
    for (const { window, waiting } of batches.values()) {
      const ids = [...waiting.keys()];
      for (let start = 0; start < ids.length; start += maxIds) {
        const chunk = ids.slice(start, start + maxIds);
        const settle = (titles: ReadonlyMap<string, string>) => {
          for (const id of chunk)
            for (const resolve of waiting.get(id) ?? []) resolve(titles.get(id) ?? null);
        };
        source
          .cases({ from: window.from, to: window.to, ids: chunk })
          .then((collection) =>
            settle(
              new Map(
                collection.features.map((feature) => [feature.properties.id, feature.properties.title]),
              ),
            ),
          )
          .catch(() => settle(new Map()));
      }
    }
  };

  return (id, window) =>
    new Promise((resolve) => {
      const key = `${window.from}/${window.to}`;
      let batch = pending.get(key);
      if (!batch) {
        batch = { window, waiting: new Map() };
        pending.set(key, batch);
      }
      batch.waiting.set(id, [...(batch.waiting.get(id) ?? []), resolve]);
      if (scheduled) return;
      scheduled = true;
      setTimeout(flush, 0);
    });
}
