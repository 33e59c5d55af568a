import { describe, expect, it } from 'vitest';
import { bboxesIntersect } from '../../src/domain/case-filter';
import { geometryBbox } from '../../src/data/adapters/feature-bbox';
import { createDataSource } from '../../src/data/data-source';
import { isDataError } from '../../src/data/data-error';
import type { LayerKind, RuntimeConfig } from '../../src/domain/runtime-config';
import type { Bbox, LayerSources } from '../../src/data/provider';
import type { PartialLayer } from '../../src/data/partial-layer';
import type { CaseCollection } from '../../src/contract/schemas/contract.schema';
import { layerSchemas, type FeatureLayer, type LayerCollections } from '../../src/data/adapters/layer-specs';
import type { FailureMode, RecordedRequest } from './peers/peer-server';
import { corruptFirstRecord } from './corrupt-first-record';

/**
 * One contract for every provider: whatever protocol is behind a layer, the dashboard gets the same collections,
 * filtered the same way, with credentials only in headers and failures as DataErrors naming the layer. Each
 * provider's test starts a local peer holding known data (`truth`) and runs this suite against it through
 * `createDataSource`, the way the app uses it.
 */
export interface ProviderPeer {
  config: RuntimeConfig;
  /** The layers under test, served by the provider under test. */
  layers: readonly FeatureLayer[];
  /** What each layer must come back as: the peer's data as the REST contract would give it. */
  truth: Partial<LayerCollections>;
  /** Layers the provider cannot express; each must be refused with a 'config' DataError. */
  refuses: readonly LayerKind[];
  /** A window inside the data for case queries. */
  caseWindow?: { from: string; to: string };
  bbox: Bbox;
  token: string;
  requests(): readonly RecordedRequest[];
  failNext(mode: FailureMode): void;
  /**
   * Fail every request while `work` runs, where the peer can: a provider whose reads leave shared reads running
   * (the grids a case join needs, several pages each) would otherwise hand the next failure to one of those.
   */
  failDuring?<T>(mode: FailureMode, work: () => Promise<T>): Promise<T>;
  /** Whether the provider streams live cases (ProviderAdapter.caseStream) when the dataset is live. */
  streamsCases?: boolean;
  /** Whether the provider takes a community's grids back (ProviderAdapter.saveGrids). */
  savesGrids?: boolean;
}

type Reader = (source: LayerSources, bbox?: Bbox) => Promise<{ features: readonly unknown[] }>;

const read = (layer: FeatureLayer, peer: ProviderPeer): Reader => {
  const window = peer.caseWindow ?? { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
  const readers: Record<FeatureLayer, Reader> = {
    regions: (source) => source.regions(),
    grids: (source, bbox) => source.grids(bbox ? { bbox } : {}),
    cameras: (source, bbox) => source.cameras(bbox ? { bbox } : {}),
    stations: (source) => source.stations(),
    cases: (source, bbox) => source.cases({ ...window, ...(bbox && { bbox }) }),
  };
  return readers[layer];
};

const byId = <F extends { properties: { id: string } }>(features: readonly F[]) =>
  [...features].sort((a, b) => a.properties.id.localeCompare(b.properties.id));

function expectedOf(peer: ProviderPeer, layer: FeatureLayer, bbox?: Bbox) {
  const truth = peer.truth[layer];
  if (!truth) throw new Error(`the peer gives no truth for ${layer}`);
  let features: readonly {
    geometry: Parameters<typeof geometryBbox>[0];
    properties: { id: string; reportedAt?: string };
  }[] = truth.features;
  if (layer === 'cases' && peer.caseWindow) {
    const from = Date.parse(peer.caseWindow.from);
    const to = Date.parse(peer.caseWindow.to);
    features = features.filter((feature) => {
      const reported = Date.parse(feature.properties.reportedAt ?? '');
      return reported >= from && reported < to;
    });
  }
  if (bbox) features = features.filter((feature) => bboxesIntersect(geometryBbox(feature.geometry), bbox));
  return byId(features);
}

/** What the suite reads of any layer's feature; the schema check above has vouched for the rest. */
interface ContractFeature {
  geometry: Parameters<typeof geometryBbox>[0];
  properties: { id: string };
}

function withoutStageTimes(properties: object): object {
  const copy: Record<string, unknown> = { ...properties };
  delete copy.stageTimes;
  return copy;
}

export function describeProviderContract(name: string, peerOf: () => ProviderPeer): void {
  describe(`provider contract: ${name}`, () => {
    it('serves every layer as the contract says: valid, complete, the same properties and places', async () => {
      const peer = peerOf();
      const source = createDataSource(peer.config);
      for (const layer of peer.layers) {
        const answer = await read(layer, peer)(source);
        expect(layerSchemas[layer].safeParse(answer).success, layer).toBe(true);
        const got = byId(answer.features as readonly ContractFeature[]);
        const expected = expectedOf(peer, layer);
        expect(got.length, layer).toBeGreaterThan(0);
        // Step times are optional in the contract and most protocols have no place for them.
        expect(
          got.map((feature) => withoutStageTimes(feature.properties)),
          layer,
        ).toEqual(expected.map((feature) => withoutStageTimes(feature.properties)));
        expect(
          got.map((feature) => geometryBbox(feature.geometry)),
          layer,
        ).toEqual(expected.map((feature) => geometryBbox(feature.geometry)));
      }
    });

    it('keeps exactly the features that meet a bbox, for the layers that take one', async () => {
      const peer = peerOf();
      const source = createDataSource(peer.config);
      for (const layer of peer.layers.filter((kind) => ['grids', 'cameras', 'cases'].includes(kind))) {
        const answer = await read(layer, peer)(source, peer.bbox);
        const got = byId(answer.features as CaseCollection['features']).map(
          (feature) => feature.properties.id,
        );
        const all = expectedOf(peer, layer).length;
        const expected = expectedOf(peer, layer, peer.bbox).map((feature) => feature.properties.id);
        expect(expected.length, `${layer}: the test bbox must cut the layer`).toBeLessThan(all);
        expect(got, layer).toEqual(expected);
      }
    });

    it('leaves out one bad record and keeps the rest of the layer, naming the one left out', async () => {
      const peer = peerOf();
      for (const layer of peer.layers) {
        const source = createDataSource(peer.config);
        // Read once as it is, so the joins' grids and regions (kept for a refresh) are not the answer broken.
        await read(layer, peer)(source);
        const broken = corruptFirstRecord();
        const answer = await read(layer, peer)(source).finally(() => broken.restore());
        expect(broken.corrupted(), layer).toBe(true);
        const skipped = (answer as PartialLayer).skipped ?? [];
        expect(skipped, layer).toHaveLength(1);
        const left = skipped[0]?.id;
        expect(left, layer).toBeDefined();
        expect(peer.truth[layer]?.features.map((feature) => feature.properties.id)).toContain(left);
        // Every feature of the answer but the one left out (which may also lie outside the case window).
        const expected = expectedOf(peer, layer)
          .map((feature) => feature.properties.id)
          .filter((id) => id !== left);
        const got = byId(answer.features as readonly ContractFeature[]).map(
          (feature) => feature.properties.id,
        );
        expect(got, layer).toEqual(expected);
        expect(skipped[0]?.number, layer).toBeGreaterThan(0);
        expect(skipped[0]?.field, layer).toMatch(/^geometry/);
      }
    });

    it('sends the configured credentials in headers only, never in a URL or a message', async () => {
      const peer = peerOf();
      const source = createDataSource(peer.config);
      const before = peer.requests().length;
      for (const layer of peer.layers) await read(layer, peer)(source);
      const made = peer.requests().slice(before);
      expect(made.length).toBeGreaterThan(0);
      for (const request of made) {
        expect(request.headers.authorization).toBe(`Bearer ${peer.token}`);
        expect(decodeURIComponent(request.url)).not.toContain(peer.token);
      }
    });

    it('turns a failing server into a DataError that names the layer', async () => {
      const peer = peerOf();
      for (const layer of peer.layers) {
        for (const [mode, kind] of [
          ['http500', 'http'],
          ['html', 'format'],
        ] as const) {
          // A fresh source each time: nothing cached from an earlier call hides the failure.
          const source = createDataSource(peer.config);
          const attempt = () =>
            read(
              layer,
              peer,
            )(source).then(
              () => undefined,
              (reason: unknown) => reason,
            );
          let error: unknown;
          if (peer.failDuring) error = await peer.failDuring(mode, attempt);
          else {
            peer.failNext(mode);
            error = await attempt();
          }
          expect(isDataError(error), `${layer} ${mode}`).toBe(true);
          if (!isDataError(error)) continue;
          expect(error.kind, `${layer} ${mode}`).toBe(kind);
          expect(error.message).not.toContain(peer.token);
          expect(['regions', 'grids', layer]).toContain(error.layer);
        }
      }
    });

    it('offers a live case stream only where it has one, headers or none', async () => {
      const peer = peerOf();
      const source = createDataSource(peer.config);
      expect(await source.caseStream?.(false)).toBeNull();
      // The peers' configurations carry a token: a provider that streams sends it over a fetch-based stream.
      const withHeaders = await source.caseStream?.(true);
      expect(withHeaders === null || withHeaders === undefined, 'no stream with headers').toBe(
        !peer.streamsCases,
      );
      const open = await createDataSource({
        ...peer.config,
        api: { ...peer.config.api, headers: {} },
      }).caseStream?.(true);
      expect(open === null, 'no stream without headers').toBe(!peer.streamsCases);
      if (!open) return;
      const opened: string[] = [];
      const fake = class extends EventTarget {
        readonly readyState = 0;
        constructor(url: string) {
          super();
          opened.push(url);
        }
        close(): void {}
      };
      const original = globalThis.EventSource;
      globalThis.EventSource = fake as unknown as typeof EventSource;
      try {
        const heard: string[] = [];
        const close = open({
          onCase: (feature) => heard.push(feature.properties.id),
          onState: () => undefined,
        });
        expect(opened).toHaveLength(1);
        expect(new URL(opened[0] ?? '').pathname).toMatch(/\/cases\/stream$/);
        close();
      } finally {
        globalThis.EventSource = original;
      }
    });

    it('saves a community through the grids’ provider where it can, and says so where it cannot', async () => {
      const peer = peerOf();
      const source = createDataSource(peer.config);
      const truth = peer.truth.grids?.features ?? [];
      const community = truth[0]?.properties.communityId ?? '';
      // Only a provider that saves reads the community first: the refusal needs no grids.
      const own = peer.savesGrids ? (await source.grids({ community })).features : [];
      const version = Math.max(0, ...own.map((grid) => grid.properties.version));
      const save = (baseVersion: number) =>
        source.saveGrids?.({
          communityId: community,
          baseVersion,
          grids: { type: 'FeatureCollection', features: own },
        });
      if (!peer.savesGrids) {
        await expect(save(version)).resolves.toEqual({
          kind: 'unsupported',
          provider: peer.config.sources.grids?.provider ?? 'rest',
        });
        return;
      }
      const saved = await save(version);
      expect(saved).toEqual({ kind: 'saved', version: expect.any(Number) as number });
      const next = saved?.kind === 'saved' ? saved.version : NaN;
      expect(next).toBeGreaterThan(version);
      await expect(save(version)).resolves.toEqual({ kind: 'conflict', currentVersion: next });
      const sent = peer.requests().filter((request) => request.url.includes('/grids?community='));
      expect(sent.at(-1)?.headers.authorization).toBe(`Bearer ${peer.token}`);
    });

    it('refuses the layers it cannot express with a configuration error naming them', async () => {
      const peer = peerOf();
      for (const layer of peer.refuses) {
        const config: RuntimeConfig = {
          ...peer.config,
          sources: {
            ...peer.config.sources,
            [layer]: {
              provider: peer.config.sources[peer.layers[0] ?? 'cases']?.provider ?? 'rest',
              url: 'http://127.0.0.1:9/',
            },
          },
        };
        const source = createDataSource(config);
        const call =
          layer === 'indicators'
            ? source.indicators({ region: '', from: '', to: '', interval: 'day' })
            : layer === 'cases'
              ? source.cases({ from: '2026-01-01', to: '2026-02-01' })
              : layer === 'regions'
                ? source.regions()
                : layer === 'grids'
                  ? source.grids({})
                  : layer === 'cameras'
                    ? source.cameras({})
                    : source.stations();
        await expect(call).rejects.toMatchObject({ name: 'DataError', kind: 'config', layer });
      }
    });
  });
}
