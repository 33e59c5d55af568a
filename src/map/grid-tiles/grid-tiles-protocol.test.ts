import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { createGridTileHandler, gridTileLayer, type GridTileFeature } from './grid-tiles-protocol';

const square = (id: string, west: number, south: number): GridTileFeature => ({
  type: 'Feature',
  properties: { id, name: `grid ${id}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + 0.5, south],
        [west + 0.5, south + 0.5],
        [west, south + 0.5],
        [west, south],
      ],
    ],
  },
});

function tileAt(
  handle: ReturnType<typeof createGridTileHandler>,
  generation: number,
  z: number,
  x: number,
  y: number,
) {
  const { reply } = handle({ kind: 'tile', requestId: 1, generation, z, x, y });
  if (reply?.kind !== 'tile') throw new Error('expected a tile');
  return reply.data;
}

describe('grid tiles worker protocol', () => {
  it('cuts grids sent in chunks into vector tiles carrying their properties', () => {
    const handle = createGridTileHandler();
    handle({ kind: 'chunk', generation: 1, features: [square('a', 112, 35)] });
    handle({ kind: 'chunk', generation: 1, features: [square('b', 113, 36)] });
    const built = handle({ kind: 'build', generation: 1 }).reply;
    expect(built).toMatchObject({ kind: 'built', generation: 1, featureCount: 2 });
    // Zoom 4 tile 13/6 covers 112.5°–135° E, 21.9°–40.9° N: both squares, whole or in part.
    const tile = new VectorTile(new PbfReader(tileAt(handle, 1, 4, 13, 6)));
    const layer = tile.layers[gridTileLayer];
    const ids = Array.from({ length: layer?.length ?? 0 }, (_, i) => layer?.feature(i).properties['id']);
    expect(ids.sort()).toEqual(['a', 'b']);
    expect(tileAt(handle, 1, 4, 0, 0).byteLength).toBe(0);
  });

  it('keeps serving the drawn generation while the next is cut, and nothing of it once the next is built', () => {
    const handle = createGridTileHandler();
    handle({ kind: 'chunk', generation: 1, features: [square('a', 112, 35)] });
    handle({ kind: 'build', generation: 1 });
    handle({ kind: 'chunk', generation: 2, features: [square('b', 113, 36)] });
    // The map still draws generation 1: its tiles stay, or the grids would vanish until generation 2 is cut.
    expect(tileAt(handle, 1, 4, 13, 6).byteLength).toBeGreaterThan(0);
    expect(tileAt(handle, 2, 4, 13, 6).byteLength).toBe(0);
    expect(handle({ kind: 'build', generation: 2 }).reply).toMatchObject({ generation: 2, featureCount: 1 });
    expect(tileAt(handle, 1, 4, 13, 6).byteLength).toBe(0);
    const tile = new VectorTile(new PbfReader(tileAt(handle, 2, 4, 13, 6)));
    expect(tile.layers[gridTileLayer]?.feature(0).properties['id']).toBe('b');
  });
});
