import type { GeoJSON } from 'geojson';
import type { GridFill } from '../grid-fill';
import { chooseGridSource, type GridSourceChoice, type ServerGridTiles } from './grid-source-choice';
import { GridTileSource } from './grid-tile-source';
import { gridTileMaxZoom, type GridTileFeature } from './grid-tiles-protocol';

/** The vector source drawing the grids: where its tiles come from, their URL and zoom range. */
export interface GridTileSpec {
  from: 'worker' | 'server';
  url: string;
  minzoom: number;
  maxzoom: number;
}

/** What the grid sources ask of the map that shows them (MapController). */
export interface GridSourceHost {
  isLoaded(): boolean;
  /** Swap the map's grid source for `spec()`'s, keeping the layers drawn from it. */
  replaceSource(): void;
  /** Same vector source, new tiles (or the same URLs fetched again). */
  setTiles(url: string): void;
  setData(data: GeoJSON): void;
}

const gridFeaturesOf = (data: GeoJSON): readonly GridTileFeature[] =>
  data.type === 'FeatureCollection' ? (data.features as GridTileFeature[]) : [];

/**
 * Which source the map's grids are drawn from, kept current as grids, fill and the server's offer change
 * (`chooseGridSource` decides): one GeoJSON source, tiles cut in a worker, or the data server's tiles.
 */
export class GridSources {
  /** The vector source in use; null while the grids are one GeoJSON source. */
  tileSpec: GridTileSpec | null = null;
  /** Tiles being cut in the worker, for the first readiness report to wait on. */
  loading: Promise<void> | null = null;
  private kind: GridSourceChoice['kind'] = 'geojson';
  private server: ServerGridTiles | null = null;
  private worker: GridTileSource | null = null;

  constructor(private readonly host: GridSourceHost) {}

  /** The server's grid tiles (meta's `tiles`), or null; true when that changed the offer. */
  offerServerTiles(tiles: ServerGridTiles | null): boolean {
    if (tiles?.url === this.server?.url) return false;
    this.server = tiles;
    return true;
  }

  /** Put the grids on the source that fits now; `dataChanged` when new grids were just pushed. */
  update(data: GeoJSON | undefined, fill: GridFill, dataChanged: boolean): void {
    if (!data) return;
    const features = gridFeaturesOf(data);
    const choice = chooseGridSource(features.length, this.server, fill);
    const switched = choice.kind !== this.kind;
    this.kind = choice.kind;
    if (choice.kind === 'worker') {
      if (switched || dataChanged) this.loading = this.cut(features);
      return;
    }
    if (choice.kind === 'server') {
      if (!switched && this.tileSpec?.from === 'server' && this.tileSpec.url === choice.tiles.url) {
        // New grids (a save): the same URLs, fetched again; the server's ETags make unchanged tiles 304s.
        if (dataChanged && this.host.isLoaded()) this.host.setTiles(choice.tiles.url);
        return;
      }
      this.tileSpec = { from: 'server', ...choice.tiles };
      if (this.host.isLoaded()) this.host.replaceSource();
      return;
    }
    if (this.tileSpec !== null) {
      this.tileSpec = null;
      if (this.host.isLoaded()) this.host.replaceSource();
      return;
    }
    // Only new grids are sent again: a fill change repaints, it does not re-clone the GeoJSON to MapLibre's worker.
    if (dataChanged && this.host.isLoaded()) this.host.setData(data);
  }

  destroy(): void {
    this.worker?.destroy();
  }

  private async cut(features: readonly GridTileFeature[]): Promise<void> {
    this.worker ??= GridTileSource.inWorker();
    const url = await this.worker.load(features);
    // Superseded by newer grids, or the grids went to another source meanwhile.
    if (url === null || this.kind !== 'worker') return;
    const wasWorker = this.tileSpec?.from === 'worker';
    this.tileSpec = { from: 'worker', url, minzoom: 0, maxzoom: gridTileMaxZoom };
    if (!this.host.isLoaded()) return;
    if (wasWorker) this.host.setTiles(url);
    else this.host.replaceSource();
  }
}
