import type { LayerKind, RuntimeConfig } from '../domain/runtime-config';
import type { AdapterCall, LoadProgress, ProviderAdapter } from './adapters/adapter';
import { clientSideIndicators, servesIndicatorsClientSide } from './adapters/client/indicators-from-cases';
import { casesInRegion } from './adapters/client/cases-in-region';
import { loadProviderAdapter } from './adapters/registry';
import { DataError } from './data-error';
import { failWhenMostlyInvalid, screenColumns, screenLayer, type PartialLayer } from './partial-layer';
import type { LayerSources, ResolvedSource } from './provider';
import type { GridCollection, RegionCollection } from '../contract/schemas/contract.schema';
import { withSessionCredential } from './session-credential';

const defaultTimeoutSeconds = 30;

/** Apply the defaults: a layer without its own entry is served by the REST contract at api.baseUrl. */
export function resolveSource(config: RuntimeConfig, layer: LayerKind): ResolvedSource {
  const own = config.sources[layer];
  return {
    provider: own?.provider ?? 'rest',
    options: own?.options,
    layer,
    url: own?.url ?? config.api.baseUrl,
    // The layer's own headers win over the shared ones (e.g. a different token for the cases system).
    headers: withSessionCredential({ ...config.api.headers, ...own?.headers }, own?.url === undefined),
    timeoutMs: (config.api.timeoutSeconds ?? defaultTimeoutSeconds) * 1000,
  };
}

export interface DataSourceOptions {
  /** Reads that take several requests (OGC pages, Open311 windows) report how far they have got. */
  onProgress?: (progress: LoadProgress) => void;
  /** The clock for client-side indicators (tests fix it). */
  now?: () => number;
}

type Member = Exclude<keyof ProviderAdapter, 'kind' | 'filtersCasesByRegion' | 'caseStream'>;

/**
 * Bind every layer to the adapter its configuration names (adapters/registry.ts). A provider that cannot express a
 * layer answers with a DataError of kind 'config' naming it. Two things are added on the client for providers
 * that lack them: the grid of each case (spatial join) with the region filter, and — when `sources.indicators`
 * is absent and cases come from a provider other than rest — the indicators themselves (docs/providers.md).
 */
export function createDataSource(config: RuntimeConfig, options: DataSourceOptions = {}): LayerSources {
  const bind = async <M extends Member>(layer: LayerKind, member: M, signal?: AbortSignal) => {
    const source = resolveSource(config, layer);
    const adapter = await loadProviderAdapter(source.provider);
    const method = adapter[member];
    if (!method)
      throw new DataError(layer, 'config', `provider "${source.provider}" cannot serve the ${layer} layer`);
    const call: AdapterCall = {
      source,
      ...(signal && { signal }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    };
    return { adapter, method: method.bind(adapter) as NonNullable<ProviderAdapter[M]>, call };
  };
  const run = async <T>(work: () => Promise<T>): Promise<T> => work();
  // The whole grids and regions, read for the joins a provider without them needs (case → grid, the unit tree).
  // One dashboard asks for indicators of several periods and units at once; without sharing, each would read
  // every grid again (an OGC server: several pages each). Shared for one refresh period, started without a
  // caller's signal (another caller may still want it), and dropped when it fails so the next read retries.
  const sharedForOneRefresh = <T>(read: () => Promise<T>) => {
    let last: { at: number; value: Promise<T> } | undefined;
    return (): Promise<T> => {
      const now = Date.now();
      if (last && now - last.at < config.refreshSeconds * 1000) return last.value;
      const value = read();
      const entry = { at: now, value };
      last = entry;
      value.catch(() => {
        if (last === entry) last = undefined;
      });
      return value;
    };
  };

  const meta: LayerSources['meta'] = (signal) =>
    run(async () => {
      const { method, call } = await bind('regions', 'meta', signal);
      return method(call);
    });
  // The city's extent for the swapped-coordinates check; a failing meta only turns that check off.
  const cityExtent = sharedForOneRefresh(() => meta().then((answer) => answer.bbox));
  /**
   * Every feature layer's last step, whatever provider served it: features the schema refused are already left
   * out (`skipped`); here swapped coordinates are caught and the layer fails when too much of it was bad.
   */
  const screening = {
    extent: () => cityExtent().catch(() => null),
    maxInvalidShare: config.maxInvalidShare,
  };
  const screened = <C extends Parameters<typeof screenLayer>[1]>(layer: LayerKind, collection: C) =>
    screenLayer(layer, collection, screening);

  const regions = (signal?: AbortSignal): Promise<RegionCollection & PartialLayer> =>
    run(async () => {
      const { method, call } = await bind('regions', 'regions', signal);
      return screened('regions', await method(call));
    });
  const grids: LayerSources['grids'] = (query, signal): Promise<GridCollection & PartialLayer> =>
    run(async () => {
      const { method, call } = await bind('grids', 'grids', signal);
      return screened('grids', await method(call, query));
    });
  const allGrids = sharedForOneRefresh(() => grids({}));
  const allRegions = sharedForOneRefresh(() => regions());
  const casesOfProvider: LayerSources['cases'] = (query, signal) =>
    run(async () => {
      const { adapter, method, call } = await bind('cases', 'cases', signal);
      if (adapter.filtersCasesByRegion) return screened('cases', await method(call, query));
      const { region, ...withoutRegion } = query;
      const [cases, gridList, regionList] = await Promise.all([
        method(call, withoutRegion).then((answer) => screened('cases', answer)),
        allGrids(),
        allRegions(),
      ]);
      return casesInRegion(cases, gridList, regionList, region);
    });
  // `ids` (a few cases by id) is applied here too, so every provider honours it (rest also sends it as `ids=`).
  const rawCases: LayerSources['cases'] = async (query, signal) => {
    const cases = await casesOfProvider(query, signal);
    if (query.ids === undefined) return cases;
    const wanted = new Set(query.ids);
    return { ...cases, features: cases.features.filter((feature) => wanted.has(feature.properties.id)) };
  };

  const sources: LayerSources = {
    meta,
    regions,
    grids,
    cameras: (query, signal) =>
      run(async () => {
        const { method, call } = await bind('cameras', 'cameras', signal);
        return screened('cameras', await method(call, query));
      }),
    cameraColumns: (query, signal) =>
      run(async () => {
        const source = resolveSource(config, 'cameras');
        if (!(await loadProviderAdapter(source.provider)).cameraColumns) return null;
        const { method, call } = await bind('cameras', 'cameraColumns', signal);
        return screenColumns('cameras', await method(call, query), screening);
      }),
    camera: (id, signal) =>
      run(async () => {
        const { method, call } = await bind('cameras', 'camera', signal);
        return method(call, id);
      }),
    stations: (signal) =>
      run(async () => {
        const { method, call } = await bind('stations', 'stations', signal);
        return screened('stations', await method(call));
      }),
    departments: (signal) =>
      run(async () => {
        if (servesIndicatorsClientSide(config)) return null;
        const source = resolveSource(config, 'indicators');
        if (!(await loadProviderAdapter(source.provider)).departments) return null;
        const { method, call } = await bind('indicators', 'departments', signal);
        return method(call);
      }),
    cases: rawCases,
    caseColumns: (query, signal) =>
      run(async () => {
        const source = resolveSource(config, 'cases');
        const adapter = await loadProviderAdapter(source.provider);
        if (!adapter.caseColumns || !adapter.filtersCasesByRegion) return null;
        const { method, call } = await bind('cases', 'caseColumns', signal);
        const answer = await method(call, query);
        if (answer.kind === 'features')
          return { kind: 'features', collection: await screened('cases', answer.collection) };
        // The decoder has left the bad cases out and named them; past the share the whole layer fails.
        const skipped = answer.wire.skipped ?? [];
        failWhenMostlyInvalid('cases', skipped, answer.wire.count + skipped.length, config.maxInvalidShare);
        return answer;
      }),
    indicators: (query, signal) =>
      run(async () => {
        if (servesIndicatorsClientSide(config))
          return clientSideIndicators(
            { cases: rawCases, grids: () => allGrids(), regions: () => allRegions() },
            query,
            options.now?.() ?? Date.now(),
            signal,
          );
        const { method, call } = await bind('indicators', 'indicators', signal);
        return method(call, query);
      }),
    workers: (query, signal) =>
      run(async () => {
        const { method, call } = await bind('workers', 'workers', signal);
        return method(call, query);
      }),
    workerPositions: (signal) =>
      run(async () => {
        const { method, call } = await bind('workers', 'workerPositions', signal);
        return method(call);
      }),
    workerTrack: (query, signal) =>
      run(async () => {
        const { method, call } = await bind('workers', 'workerTrack', signal);
        return method(call, query);
      }),
    caseStream: async (live) => {
      const source = resolveSource(config, 'cases');
      const adapter = await loadProviderAdapter(source.provider);
      return adapter.caseStream?.(source, live) ?? null;
    },
    saveGrids: async (request, signal) => {
      const source = resolveSource(config, 'grids');
      if (!(await loadProviderAdapter(source.provider)).saveGrids)
        return { kind: 'unsupported', provider: source.provider };
      const { method, call } = await bind('grids', 'saveGrids', signal);
      return method(call, request);
    },
  };
  return sources;
}
