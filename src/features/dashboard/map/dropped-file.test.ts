import { describe, expect, it } from 'vitest';
import { convertPosition } from '../../../geo/crs';
import { DroppedFileError, readDroppedFile, type DropReason } from './dropped-file';

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});
const collection = (...geometries: unknown[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: geometries.map((geometry, index) => ({ type: 'Feature', properties: { index }, geometry })),
  });
const fileOf = (name: string, text: string) => new File([text], name);

async function reasonOf(file: File): Promise<[DropReason, number | undefined]> {
  try {
    await readDroppedFile(file, 'wgs84');
  } catch (error) {
    if (error instanceof DroppedFileError) return [error.reason, error.feature];
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('a file dropped on the map', () => {
  it('becomes features with the extent to zoom to', async () => {
    const read = await readDroppedFile(
      fileOf(
        'parks.geojson',
        collection(square(112.8, 35.5, 0.01), { type: 'Point', coordinates: [112.9, 35.4] }),
      ),
      'wgs84',
    );
    expect(read.features.features).toHaveLength(2);
    expect(read.bounds).toEqual([112.8, 35.4, 112.9, 35.51]);
  });

  it('is moved onto a GCJ-02 base map like every other layer', async () => {
    const read = await readDroppedFile(
      fileOf('point.json', collection({ type: 'Point', coordinates: [112.85, 35.5] })),
      'gcj02',
    );
    const [west, south] = read.bounds;
    const expected = convertPosition([112.85, 35.5], 'wgs84', 'gcj02');
    expect(west).toBeCloseTo(expected[0], 9);
    expect(south).toBeCloseTo(expected[1], 9);
    expect(west).not.toBeCloseTo(112.85, 3);
  });

  it('is refused with the reason the user is shown', async () => {
    expect(await reasonOf(fileOf('notes.txt', 'hello'))).toEqual(['unsupported', undefined]);
    expect(await reasonOf(fileOf('broken.geojson', '{"type":"FeatureCollection","features":['))).toEqual([
      'unreadable',
      undefined,
    ]);
    expect(await reasonOf(fileOf('empty.geojson', collection()))).toEqual(['empty', undefined]);
    expect(await reasonOf(fileOf('grids.zip', 'not a zip'))).toEqual(['unreadable', undefined]);
    expect(
      await reasonOf(
        fileOf(
          'bad.geojson',
          collection(square(112.8, 35.5, 0.01), { type: 'Polygon', coordinates: [[[1, 2]]] }),
        ),
      ),
    ).toEqual(['geometry', 2]);
    // Gauss–Krüger metres, as a CGCS2000 export without reprojection would hold.
    expect(
      await reasonOf(fileOf('projected.geojson', collection(square(38_500_000, 3_930_000, 500)))),
    ).toEqual(['coordinates', 1]);
  });
});
