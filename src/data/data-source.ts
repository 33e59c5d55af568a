import type { LayerKind, RuntimeConfig } from '../domain/runtime-config';
import { DataError } from './data-error';
import type { LayerSources, ResolvedSource } from './provider';
import { restAdapter } from './rest/rest.adapter';

/** Apply the defaults: a layer without its own entry is served by the REST contract at api.baseUrl. */
export function resolveSource(config: RuntimeConfig, layer: LayerKind): ResolvedSource {
  const own = config.sources[layer];
  return {
    provider: own?.provider ?? 'rest',
    options: own?.options,
    layer,
    url: own?.url ?? config.api.baseUrl,
    // The layer's own headers win over the shared ones (e.g. a different token for the cases system).
    headers: { ...config.api.headers, ...own?.headers },
  };
}

function unsupported(source: ResolvedSource): never {
  throw new DataError(
    source.layer,
    'config',
    `provider "${source.provider}" is not available for the ${source.layer} layer`,
  );
}

/** Bind every layer to the adapter its configuration names. */
export function createDataSource(config: RuntimeConfig): LayerSources {
  const sourceOf = (layer: LayerKind) => resolveSource(config, layer);
  const restOnly = (layer: LayerKind): ResolvedSource => {
    const source = sourceOf(layer);
    return source.provider === 'rest' ? source : unsupported(source);
  };
  return {
    meta: (signal) => restAdapter.meta({ ...restOnly('regions'), layer: 'regions' }, signal),
    regions: (signal) => restAdapter.regions(restOnly('regions'), signal),
    grids: (query, signal) => restAdapter.grids(restOnly('grids'), query, signal),
    cameras: (query, signal) => restAdapter.cameras(restOnly('cameras'), query, signal),
    stations: (signal) => restAdapter.stations(restOnly('stations'), signal),
    cases: (query, signal) => restAdapter.cases(restOnly('cases'), query, signal),
    indicators: (query, signal) => restAdapter.indicators(restOnly('indicators'), query, signal),
  };
}
