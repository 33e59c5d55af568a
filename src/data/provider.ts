import type { LayerKind, SourceConfig } from '../domain/runtime-config';
import type {
  CameraCollection,
  CaseCollection,
  GridCollection,
  IndicatorsResponse,
  Interval,
  Meta,
  RegionCollection,
  StationCollection,
} from './schemas/contract.schema';

/** A bounding box [west, south, east, north] in WGS84 degrees. */
export type Bbox = readonly [number, number, number, number];

export interface GridQuery {
  /** Only the grids of this community. */
  community?: string;
  bbox?: Bbox;
}

export interface CaseQuery {
  /** ISO 8601 instants; cases reported in [from, to). */
  from: string;
  to: string;
  bbox?: Bbox;
  status?: readonly string[];
  category?: readonly string[];
  /** Any region or grid id. */
  region?: string;
}

export interface IndicatorQuery {
  region: string;
  from: string;
  to: string;
  interval: Interval;
}

/**
 * What each kind of layer source can do. An adapter (rest, open311, ogc, files) implements the members it can
 * serve; the data source picks, per layer, the adapter named in `config.sources`. Members return parsed, typed
 * data or reject with a DataError that names the layer — adapters never touch the UI.
 */
export interface LayerSources {
  /** The dataset's name, extent, CRS and data time. */
  meta(signal?: AbortSignal): Promise<Meta>;
  /** Admin areas above the grid (city, district, street, community) with their parent links. */
  regions(signal?: AbortSignal): Promise<RegionCollection>;
  /** Grid polygons. */
  grids(query: GridQuery, signal?: AbortSignal): Promise<GridCollection>;
  /** Camera points. */
  cameras(query: { bbox?: Bbox }, signal?: AbortSignal): Promise<CameraCollection>;
  /** Service stations. */
  stations(signal?: AbortSignal): Promise<StationCollection>;
  /** Cases in a time window. */
  cases(query: CaseQuery, signal?: AbortSignal): Promise<CaseCollection>;
  /** A region's indicators, their series and its children's figures. */
  indicators(query: IndicatorQuery, signal?: AbortSignal): Promise<IndicatorsResponse>;
}

/** A layer's source after defaults are applied: where it is and how to authenticate. */
export interface ResolvedSource extends SourceConfig {
  layer: LayerKind;
  url: string;
  headers: Record<string, string>;
}
