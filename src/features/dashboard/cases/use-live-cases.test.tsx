// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCaseColumns } from '../../../contract/columnar/case-columns.decode';
import { DataSourceProvider } from '../../../data/data-source-context';
import { sampleCases, sampleCasesColumnar, sampleGridIds } from '../../../contract/columnar/case.fixtures';
import type { LayerSources } from '../../../data/provider';
import { subscribeCaseStream } from '../../../data/rest/case-stream';
import type { CaseCollection, GridCollection, Meta } from '../../../contract/schemas/contract.schema';
import { caseStages } from '../../../domain/case';
import { runtimeConfigSchema } from '../../../domain/runtime-config';
import { RuntimeConfigProvider } from '../../../ui/runtime-config-context';
import { useLiveCases } from './use-live-cases';

const features = sampleCases(30);
const geojson: CaseCollection = { type: 'FeatureCollection', features: features.slice(0, 20) };
const columnar = () => sampleCasesColumnar(features);
const grids = {
  type: 'FeatureCollection',
  features: sampleGridIds.map((id) => ({ type: 'Feature', geometry: null, properties: { id } })),
} as unknown as GridCollection;
const meta = { crs: 'wgs84', live: false } as unknown as Meta;
const liveMeta = { crs: 'wgs84', live: true } as unknown as Meta;
const period = { from: Date.parse('2026-10-01T00:00:00+08:00'), to: Date.parse('2027-01-01T00:00:00+08:00') };

const unused = () => Promise.reject(new Error('not used here'));
function source(caseColumns?: LayerSources['caseColumns'], live = false) {
  const cases = vi.fn(() => Promise.resolve(geojson));
  const sources: LayerSources = {
    meta: () => Promise.resolve(live ? liveMeta : meta),
    regions: unused,
    grids: () => Promise.resolve(grids),
    cameras: unused,
    stations: unused,
    cases,
    indicators: unused,
    // As the REST adapter streams: only when meta says the dataset is live.
    caseStream: (isLive) =>
      Promise.resolve(
        isLive ? (handlers) => subscribeCaseStream({ ...handlers, url: '/api/cases/stream' }) : null,
      ),
    ...(caseColumns && { caseColumns }),
  };
  return { sources, cases };
}

function render(sources: LayerSources) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const config = runtimeConfigSchema.parse({ api: { baseUrl: '/api' } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <RuntimeConfigProvider config={config}>
        <DataSourceProvider source={sources}>{children}</DataSourceProvider>
      </RuntimeConfigProvider>
    </QueryClientProvider>
  );
  return renderHook(() => useLiveCases(period, true), { wrapper });
}

describe('useLiveCases', () => {
  it('builds the live columns from the provider columns, and never asks for GeoJSON', async () => {
    const { sources, cases } = source(() =>
      Promise.resolve({ kind: 'columns', wire: decodeCaseColumns(columnar()) }),
    );
    const hook = render(sources);
    await waitFor(() => expect(hook.result.current.snapshot.columns.count).toBe(30));
    const columns = hook.result.current.snapshot.columns;
    expect(hook.result.current.fetchedCount).toBe(30);
    expect(columns.idAt(7)).toBe(features[7]?.properties.id);
    expect(columns.stageAt(7)).toBe(features[7]?.properties.status);
    expect(caseStages).toContain(columns.stageAt(29));
    expect(columns.caseAt(3)?.title).toBeNull();
    expect(cases).not.toHaveBeenCalled();
  });

  it('falls back to GeoJSON when the provider has no columnar path, or no member at all', async () => {
    const withNull = source(() => Promise.resolve(null));
    const hook = render(withNull.sources);
    await waitFor(() => expect(hook.result.current.snapshot.columns.count).toBe(20));
    expect(withNull.cases).toHaveBeenCalled();
    expect(hook.result.current.snapshot.columns.caseAt(3)?.title).toBe(features[3]?.properties.title);
    const plain = render(source().sources);
    await waitFor(() => expect(plain.result.current.snapshot.columns.count).toBe(20));
  });

  it('takes the features a server answered instead of columns', async () => {
    const { sources } = source(() => Promise.resolve({ kind: 'features', collection: geojson }));
    const hook = render(sources);
    await waitFor(() => expect(hook.result.current.snapshot.columns.count).toBe(20));
    expect(hook.result.current.fetchedCount).toBe(20);
  });

  describe('with a live stream', () => {
    /** A stand-in for the browser's EventSource (jsdom has none): opened by the test, one per connection. */
    class FakeEventSource extends EventTarget {
      static opened: FakeEventSource[] = [];
      constructor(readonly url: string) {
        super();
        FakeEventSource.opened.push(this);
      }
      close(): void {}
    }
    afterEach(() => {
      vi.unstubAllGlobals();
      FakeEventSource.opened = [];
    });

    it('asks for the snapshot only once the stream is open, so no case falls between the two', async () => {
      vi.stubGlobal('EventSource', FakeEventSource);
      const { sources, cases } = source(undefined, true);
      const hook = render(sources);
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
      // Connecting: the snapshot waits (a case reported now would be in neither the snapshot nor the stream).
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(cases).not.toHaveBeenCalled();
      expect(hook.result.current.isPending).toBe(true);
      act(() => {
        FakeEventSource.opened[0]!.dispatchEvent(new Event('open'));
      });
      await waitFor(() => expect(hook.result.current.snapshot.columns.count).toBe(20));
      expect(cases).toHaveBeenCalledTimes(1);
    });

    it('takes the snapshot anyway when the stream cannot open', async () => {
      vi.stubGlobal('EventSource', FakeEventSource);
      const { sources, cases } = source(undefined, true);
      const hook = render(sources);
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
      act(() => {
        FakeEventSource.opened[0]!.dispatchEvent(new Event('error'));
      });
      await waitFor(() => expect(hook.result.current.snapshot.columns.count).toBe(20));
      expect(cases).toHaveBeenCalled();
      expect(hook.result.current.connection.kind).toBe('reconnecting');
    });
  });
});
