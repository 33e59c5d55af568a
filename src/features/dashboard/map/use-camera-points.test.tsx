// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CameraColumnsAnswer } from '../../../contract/columnar/camera-columns.decode';
import { DataSourceProvider } from '../../../data/data-source-context';
import type { LayerSources } from '../../../data/provider';
import type { CameraCollection } from '../../../contract/schemas/contract.schema';
import { cameraColumnsOf } from '../../../domain/camera-columns';
import { cameraId } from '../../../domain/ids';
import { useCameraPoints } from './use-camera-points';
import { mapCrsOf } from '../../../data/map-crs';

const feature = {
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [112.85, 35.49] as [number, number] },
  properties: {
    id: cameraId('C1'),
    name: '北门',
    status: 'online' as const,
    purpose: 'road' as const,
    gridId: null,
  },
};
const geojson: CameraCollection = { type: 'FeatureCollection', features: [feature, feature] };
const columns = (crs: CameraColumnsAnswer['crs']): CameraColumnsAnswer => ({
  ...cameraColumnsOf([feature, feature, feature]),
  crs,
});

const unused = () => Promise.reject(new Error('not used here'));
function source(cameraColumns?: LayerSources['cameraColumns']) {
  const cameras = vi.fn(() => Promise.resolve(geojson));
  const sources: LayerSources = {
    meta: unused,
    regions: unused,
    grids: unused,
    cameras,
    stations: unused,
    cases: unused,
    indicators: unused,
    ...(cameraColumns && { cameraColumns }),
  };
  return { sources, cameras };
}

function render(sources: LayerSources, basemap: 'wgs84' | 'gcj02' = 'wgs84') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <DataSourceProvider source={sources}>{children}</DataSourceProvider>
    </QueryClientProvider>
  );
  return renderHook(() => useCameraPoints(mapCrsOf({ isPending: false, data: { crs: 'wgs84' } }, basemap)), {
    wrapper,
  });
}

describe('useCameraPoints', () => {
  it('takes the columns when the provider offers them, and never asks for GeoJSON', async () => {
    const answer = columns('wgs84');
    const { sources, cameras } = source(() => Promise.resolve(answer));
    const hook = render(sources);
    await waitFor(() => expect(hook.result.current.points?.count).toBe(3));
    expect(hook.result.current.points?.positions).toBe(answer.positions);
    expect(cameras).not.toHaveBeenCalled();
  });

  it('falls back to GeoJSON when the provider has no columnar path, or no member at all', async () => {
    const withNull = source(() => Promise.resolve(null));
    const hook = render(withNull.sources);
    await waitFor(() => expect(hook.result.current.points?.count).toBe(2));
    expect(withNull.cameras).toHaveBeenCalledTimes(1);
    const without = source();
    const plain = render(without.sources);
    await waitFor(() => expect(plain.result.current.points?.count).toBe(2));
  });

  it('moves columnar positions into the base map CRS (GCJ-02 is ~500 m off WGS84 here)', async () => {
    const answer = columns('wgs84');
    const hook = render(source(() => Promise.resolve(answer)).sources, 'gcj02');
    await waitFor(() => expect(hook.result.current.points?.count).toBe(3));
    const shifted = hook.result.current.points?.positions[0] ?? 0;
    expect(Math.abs(shifted - (answer.positions[0] ?? 0))).toBeGreaterThan(0.001);
    expect(hook.result.current.points?.id(0)).toBe('C1');
  });
});
