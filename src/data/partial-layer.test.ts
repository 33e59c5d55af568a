import { describe, expect, it } from 'vitest';
import { cameraColumnsOf, type CameraColumns } from '../domain/camera-columns';
import { DataError } from './data-error';
import { checkBody } from './json-body';
import { screenColumns, screenLayer, type PartialLayer } from './partial-layer';
import { camerasSchema } from '../contract/schemas/contract.schema';

const jincheng = [112.5, 35.2, 113.2, 36.1] as const;
const urumqi = [87.3, 43.6, 87.9, 44.0] as const;

const camera = (index: number, coordinates: unknown = [112.8 + index * 1e-4, 35.5], status = 'online') => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: { id: `CAM-${index}`, name: `摄像头 ${index}`, status, purpose: 'road', gridId: null },
});
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const options = (extent: readonly [number, number, number, number] | null, maxInvalidShare = 0.5) => ({
  extent: () => Promise.resolve(extent),
  maxInvalidShare,
});

describe('a layer with some invalid features', () => {
  it('keeps the valid ones and names each left-out one by number, id, problem and field', () => {
    const features = Array.from({ length: 3000 }, (_, index) => camera(index));
    features[10] = camera(10, [112.8, 35.5], 'broken');
    features[11] = { ...camera(11), geometry: null } as unknown as ReturnType<typeof camera>;
    features[2999] = camera(2999, [212.8, 35.5]);
    const checked = checkBody('cameras', camerasSchema, collection(features));
    expect(checked.features).toHaveLength(2997);
    expect(checked.features.map((feature) => feature.properties.id)).not.toContain('CAM-10');
    expect(checked.skipped).toEqual([
      { number: 11, id: 'CAM-10', problem: 'value', field: 'properties.status', position: [112.8, 35.5] },
      { number: 12, id: 'CAM-11', problem: 'type', field: 'geometry' },
      {
        number: 3000,
        id: 'CAM-2999',
        problem: 'range',
        field: 'geometry.coordinates.0',
        position: [212.8, 35.5],
      },
    ]);
  });

  it('leaves out the second of two features with one id, found once the invalid ones are gone', () => {
    const features = [camera(0), camera(1, [1000, 0]), camera(2), camera(0)];
    const checked = checkBody('cameras', camerasSchema, collection(features));
    expect(checked.features.map((feature) => feature.properties.id)).toEqual(['CAM-0', 'CAM-2']);
    expect(checked.skipped?.map((feature) => [feature.number, feature.problem])).toEqual([
      [2, 'range'],
      [4, 'duplicate'],
    ]);
  });

  it('still refuses a document that is not a feature collection, as a whole', () => {
    expect(() => checkBody('cameras', camerasSchema, { type: 'FeatureCollection', features: {} })).toThrow(
      DataError,
    );
    expect(() => checkBody('cameras', camerasSchema, { type: 'Feature' })).toThrow(/unexpected data/);
  });
});

describe('the data source screen', () => {
  it('says a point is swapped when it lies outside the city and inside it the other way round', async () => {
    // Ürümqi's longitudes are below 90°, so a swapped point is still a valid position: only the extent tells.
    const features = [camera(0, [87.6, 43.8]), camera(1, [43.81, 87.61]), camera(2, [87.7, 43.9])];
    const checked = checkBody('cameras', camerasSchema, collection(features));
    const screened = await screenLayer('cameras', checked, options(urumqi));
    expect(screened.features.map((feature) => feature.properties.id)).toEqual(['CAM-0', 'CAM-2']);
    expect(screened.skipped).toEqual([
      { number: 2, id: 'CAM-1', problem: 'swapped', field: 'geometry.coordinates', position: [43.81, 87.61] },
    ]);
  });

  it('keeps a point outside the city that is not swapped, and relabels a refused swapped one', async () => {
    const features = [camera(0, [35.5, 112.8]), camera(1, [114.5, 37.8]), camera(2)];
    const checked = checkBody('cameras', camerasSchema, collection(features));
    const screened = await screenLayer('cameras', checked, options(jincheng));
    expect(screened.features.map((feature) => feature.properties.id)).toEqual(['CAM-1', 'CAM-2']);
    expect(screened.skipped?.map((feature) => [feature.number, feature.problem])).toEqual([[1, 'swapped']]);
  });

  it('numbers swapped points in the answer as sent, around the features the schema refused', async () => {
    const features = [camera(0, [1000, 0]), camera(1, [43.81, 87.61]), camera(2, [87.6, 43.8])];
    const checked = checkBody('cameras', camerasSchema, collection(features));
    const screened = await screenLayer('cameras', checked, options(urumqi, 0.9));
    expect(screened.skipped?.map((feature) => [feature.number, feature.id, feature.problem])).toEqual([
      [1, 'CAM-0', 'range'],
      [2, 'CAM-1', 'swapped'],
    ]);
  });

  it('asks for the city extent only when some point could be swapped at all', async () => {
    let asked = 0;
    const checked = checkBody('cameras', camerasSchema, collection([camera(0), camera(1)]));
    await screenLayer('cameras', checked, {
      extent: () => {
        asked += 1;
        return Promise.resolve(jincheng);
      },
      maxInvalidShare: 0.5,
    });
    expect(asked).toBe(0);
  });

  it('fails the whole layer past the configured share, saying how much was bad and the first reason', async () => {
    const features = Array.from({ length: 100 }, (_, index) =>
      camera(index, [112.8, 35.5], index < 90 ? 'broken' : 'online'),
    );
    const checked = checkBody('cameras', camerasSchema, collection(features));
    const failure = await screenLayer('cameras', checked, options(jincheng)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect(failure).toMatchObject({
      layer: 'cameras',
      kind: 'schema',
      detail: {
        code: 'mostly-invalid',
        invalid: 90,
        total: 100,
        problem: 'value',
        field: 'properties.status',
      },
    });
    // At the share itself the layer is still drawn.
    const half = checkBody(
      'cameras',
      camerasSchema,
      collection(features.map((feature, index) => (index < 50 ? feature : camera(index)))),
    );
    expect((await screenLayer('cameras', half, options(jincheng))).features).toHaveLength(50);
    await expect(screenLayer('cameras', half, options(jincheng, 0.4))).rejects.toThrow(/50 of 100/);
  });

  it('leaves swapped rows out of camera columns, ids read through the kept rows', async () => {
    const checked = checkBody(
      'cameras',
      camerasSchema,
      collection([camera(0, [87.6, 43.8]), camera(1, [43.81, 87.61]), camera(2, [87.7, 43.9])]),
    );
    const columns: CameraColumns & PartialLayer = cameraColumnsOf(checked.features);
    const screened = await screenColumns('cameras', columns, options(urumqi));
    expect(screened.count).toBe(2);
    expect([screened.id(0), screened.id(1)]).toEqual(['CAM-0', 'CAM-2']);
    expect(Array.from(screened.positions)).toEqual([87.6, 43.8, 87.7, 43.9].map(Math.fround));
    expect(screened.skipped?.map((feature) => [feature.number, feature.id])).toEqual([[2, 'CAM-1']]);
  });
});
