import type { RuntimeConfig } from '../../src/domain/runtime-config';
import { peerNow, type PeerCity } from './fixtures/peer-city';
import type { PeerServer } from './peers/peer-server';
import type { ProviderPeer } from './provider.contract';

/**
 * The contract suite's view of a feature service peer (OGC API, WFS, ArcGIS) serving the peer city: the four map
 * layers and the cases from the service, indicators refused (none of them can express them), a case window of the
 * 120 days before the peer's now and a bbox in central Jincheng. `server` is asked at each use: the peer starts in
 * the suite's beforeAll, after this is built.
 */
/** What a feature service or a file carries of a case: flat attributes, so no escalations and no supervision (nested). */
export const asFeatureServiceSees = (cases: PeerCity['cases']): PeerCity['cases'] => ({
  ...cases,
  features: cases.features.map((feature) => ({
    ...feature,
    properties: { ...feature.properties, escalations: [], supervision: null },
  })),
});

export function featureServicePeer(
  config: RuntimeConfig,
  data: PeerCity,
  token: string,
  server: () => PeerServer,
): ProviderPeer {
  return {
    config,
    layers: ['regions', 'grids', 'cameras', 'stations', 'cases'],
    truth: { ...data.city, cases: asFeatureServiceSees(data.cases) },
    refuses: ['indicators'],
    caseWindow: {
      from: new Date(peerNow.getTime() - 120 * 86_400_000).toISOString(),
      to: peerNow.toISOString(),
    },
    bbox: [112.8, 35.48, 112.845, 35.5],
    token,
    requests: () => server().requests,
    failNext: (mode) => server().failNext(mode),
    failDuring: (mode, work) => server().failDuring(mode, work),
  };
}
