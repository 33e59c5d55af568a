import { describe, expect, it } from 'vitest';
import type { Meta } from '../../contract/schemas/contract.schema';
import type { ResolvedSource } from '../provider';
import { serverGridTiles } from './server-tiles';

const meta: Meta = {
  name: 'x',
  city: 'x',
  bbox: [0, 0, 1, 1],
  crs: 'wgs84',
  dataTime: '2026-11-22T10:00:00+08:00',
  tiles: { grids: '/tiles/grids/{z}/{x}/{y}.mvt', minzoom: 0, maxzoom: 14 },
};
const rest: ResolvedSource = { provider: 'rest', layer: 'grids', url: '/api/', headers: {} };
const page = 'https://board.example/dashboard?region=1';

describe('serverGridTiles', () => {
  it('resolves the advertised template against the API base, braces intact', () => {
    expect(serverGridTiles(meta, rest, page)).toEqual({
      url: 'https://board.example/api/tiles/grids/{z}/{x}/{y}.mvt',
      minzoom: 0,
      maxzoom: 14,
    });
    expect(serverGridTiles(meta, { ...rest, url: 'http://127.0.0.1:9/data' }, page)?.url).toBe(
      'http://127.0.0.1:9/data/tiles/grids/{z}/{x}/{y}.mvt',
    );
  });

  it('is null when no tiles are advertised, the grids are not REST, or the source needs headers', () => {
    expect(serverGridTiles({ ...meta, tiles: undefined }, rest, page)).toBeNull();
    expect(serverGridTiles(undefined, rest, page)).toBeNull();
    expect(serverGridTiles(meta, { ...rest, provider: 'wfs' }, page)).toBeNull();
    expect(serverGridTiles(meta, { ...rest, headers: { authorization: 'Bearer t' } }, page)).toBeNull();
  });
});
