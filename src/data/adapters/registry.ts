import type { ProviderKind } from '../../domain/runtime-config';
import { restAdapter } from '../rest/rest.adapter';
import type { ProviderAdapter } from './adapter';

/**
 * Every provider a layer can name in `config.sources.<layer>.provider`. Adding a provider is adding an adapter
 * here that passes the shared contract suite (tests/providers/provider.contract.ts); nothing else changes.
 * rest is the default and ships in the first bundle; the others (and their parsers: KML, Shapefile, CSV) are
 * loaded the first time a configuration names them, so a deployment pays only for the providers it uses.
 */
const providerLoaders: Readonly<Record<ProviderKind, () => Promise<ProviderAdapter>>> = {
  rest: () => Promise.resolve(restAdapter),
  open311: async () => (await import('./open311/open311.adapter')).open311Adapter,
  ogc: async () => (await import('./ogc/ogc.adapter')).ogcAdapter,
  files: async () => (await import('./files/files.adapter')).filesAdapter,
  wfs: async () => (await import('./wfs/wfs.adapter')).wfsAdapter,
  arcgis: async () => (await import('./arcgis/arcgis.adapter')).arcgisAdapter,
};

export function loadProviderAdapter(kind: ProviderKind): Promise<ProviderAdapter> {
  return providerLoaders[kind]();
}
