import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * Grid outlines as vector tiles, cut in a worker. A province's 70 k grids as one GeoJSON source would be cloned to
 * MapLibre's worker in one piece (one long main-thread task) and re-sent whole on every data change; here the grids
 * travel in chunks, each its own short task, and MapLibre asks for the tiles it needs through a custom protocol.
 */
export type GridTileFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** The source layer every grid tile holds. */
export const gridTileLayer = 'grids';
/** Tiles are cut up to this zoom; MapLibre over-zooms them beyond it. */
export const gridTileMaxZoom = 14;

export type GridTileRequest =
  | { kind: 'chunk'; generation: number; features: GridTileFeature[] }
  | { kind: 'build'; generation: number }
  | { kind: 'tile'; requestId: number; generation: number; z: number; x: number; y: number };

export type GridTileReply =
  | { kind: 'built'; generation: number; featureCount: number; buildMilliseconds: number }
  | { kind: 'tile'; requestId: number; data: ArrayBuffer };

export interface GridTileHandler {
  (request: GridTileRequest): { reply: GridTileReply | null; transfer: Transferable[] };
}

/** The worker's logic, separate from `self` so that unit tests run it in-process. */
export function createGridTileHandler(): GridTileHandler {
  // The grids being received, and the index last built. The map keeps drawing the built generation's tiles
  // while the next is received and cut (a refresh, a save): dropping them at the first new chunk would blank the
  // grids for the whole cut, seconds at province scale, and a click meanwhile would find no grid.
  let pending = { generation: -1, features: [] as GridTileFeature[] };
  let built: { generation: number; index: GeoJSONVT } | null = null;
  return (request) => {
    if (request.kind === 'chunk') {
      if (request.generation !== pending.generation)
        pending = { generation: request.generation, features: [] };
      for (const feature of request.features) pending.features.push(feature);
      return { reply: null, transfer: [] };
    }
    if (request.kind === 'build') {
      const started = performance.now();
      const { generation, features } =
        request.generation === pending.generation
          ? pending
          : { generation: request.generation, features: [] };
      built = {
        generation,
        index: new GeoJSONVT(
          { type: 'FeatureCollection', features },
          { maxZoom: gridTileMaxZoom, indexMaxZoom: 5, tolerance: 3, buffer: 64 },
        ),
      };
      pending = { generation, features: [] };
      const buildMilliseconds = performance.now() - started;
      return {
        reply: { kind: 'built', generation, featureCount: features.length, buildMilliseconds },
        transfer: [],
      };
    }
    const tile =
      request.generation === built?.generation ? built.index.getTile(request.z, request.x, request.y) : null;
    const bytes = tile
      ? fromGeojsonVt({ [gridTileLayer]: tile }, { version: 2, extent: 4096 })
      : new Uint8Array(0);
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return { reply: { kind: 'tile', requestId: request.requestId, data }, transfer: [data] };
  };
}
