import type { ProviderKind } from '../../domain/runtime-config';
import { restAdapter } from '../rest/rest.adapter';
import type { ProviderAdapter } from './adapter';
import { filesAdapter } from './files/files.adapter';
import { ogcAdapter } from './ogc/ogc.adapter';
import { open311Adapter } from './open311/open311.adapter';

/**
 * Every provider a layer can name in `config.sources.<layer>.provider`. Adding a provider is adding an adapter
 * here that passes the shared contract suite (tests/providers/provider.contract.ts); nothing else changes.
 */
export const providerAdapters: Readonly<Record<ProviderKind, ProviderAdapter>> = {
  rest: restAdapter,
  open311: open311Adapter,
  ogc: ogcAdapter,
  files: filesAdapter,
};
