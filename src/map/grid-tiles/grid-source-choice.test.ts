import { describe, expect, it } from 'vitest';
import { gridFill } from '../grid-fill';
import { chooseGridSource, gridTileThreshold, type ServerGridTiles } from './grid-source-choice';

const server: ServerGridTiles = {
  url: 'http://127.0.0.1:8787/api/tiles/grids/{z}/{x}/{y}.mvt',
  minzoom: 0,
  maxzoom: 14,
};
const byType = gridFill('type', []);

describe('chooseGridSource', () => {
  it('keeps a city’s grids in one GeoJSON source, tiles or not', () => {
    expect(chooseGridSource(gridTileThreshold - 1, server, byType)).toEqual({ kind: 'geojson' });
    expect(chooseGridSource(4_601, null, byType)).toEqual({ kind: 'geojson' });
  });

  it('draws a province’s grids from the server’s tiles when it offers them, else cuts them in a worker', () => {
    expect(chooseGridSource(70_000, server, byType)).toEqual({ kind: 'server', tiles: server });
    expect(chooseGridSource(70_000, server, gridFill('households', [300, 500]))).toEqual({
      kind: 'server',
      tiles: server,
    });
    expect(chooseGridSource(70_000, null, byType)).toEqual({ kind: 'worker' });
  });

  it('cuts its own tiles for a fill by a figure the server’s tiles do not hold (service reach)', () => {
    expect(chooseGridSource(70_000, server, gridFill('serviceReach', [0.2, 0.8]))).toEqual({
      kind: 'worker',
    });
  });
});
