import type { LayerKind, ProviderKind, SourceConfig } from '../domain/runtime-config';
import type { MaybeIncomplete } from './incompleteness';
import type { CameraColumnsAnswer } from '../contract/columnar/camera-columns.decode';
import type { CaseColumnsAnswer } from '../contract/columnar/case-columns.decode';
import type {
  CameraCollection,
  CameraDetail,
  CaseCollection,
  DepartmentsResponse,
  GridCollection,
  IndicatorsResponse,
  Interval,
  Meta,
  RegionCollection,
  StationCollection,
} from '../contract/schemas/contract.schema';
import type { PartialLayer } from './partial-layer';
import type { CaseStreamOpener } from './rest/case-stream';
import type { SaveGridsRequest, SaveGridsResult } from './rest/save-grids';
import type { WorkerPositionCollection, WorkerRoster, WorkerTrack } from '../contract/schemas/workers.schema';

/** A save's answer, or that the grids' provider cannot take grids back (only the REST contract can). */
export type SaveResult = SaveGridsResult | { kind: 'unsupported'; provider: ProviderKind };

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
  /**
   * Only these cases (at most 200: the few a list or a detail shows). Sent to the server as `ids=` by rest; the
   * data source also applies it to every provider's answer, so providers that cannot filter by id honour it too.
   */
  ids?: readonly string[];
}

export interface WorkerQuery {
  /** 'masked': names masked and phones left out by the server, for a view the public can see. */
  personal?: 'masked';
}

export interface WorkerTrackQuery {
  workerId: string;
  /** A day in China time, YYYY-MM-DD. */
  date: string;
}

export interface IndicatorQuery {
  region: string;
  from: string;
  to: string;
  interval: Interval;
}

/**
 * The dashboard's view of its data, one member per layer, whatever serves each layer. `createDataSource` binds
 * every member to the provider adapter named in `config.sources.<layer>` (src/data/adapters/registry.ts; rest by
 * default). Every member resolves with data parsed by the contract's schemas (docs/api.md), or rejects with a
 * DataError that names the layer and says why (network, timeout, http, format, schema, config) — never a bare
 * Error, never a toast: the UI decides how to show it. Every member takes the caller's AbortSignal, so a query
 * that is no longer wanted stops its requests. The tests in tests/providers hold every provider to this.
 */
export interface LayerSources {
  /**
   * The dataset's name, extent, CRS and data time, from the provider of the regions layer (it knows the city's
   * extent). Providers without a meta document synthesize one: OGC from its landing page and collection extent,
   * files from the regions' extent; their `dataTime` is the browser's now.
   */
  meta(signal?: AbortSignal): Promise<Meta>;
  /**
   * Admin areas above the grid (city → district → street → community) with their parent links. Read once and
   * kept: the hierarchy changes rarely, and drill-down, region filters and client-side indicators all use it.
   */
  regions(signal?: AbortSignal): Promise<RegionCollection & PartialLayer>;
  /**
   * Grid polygons. `query.bbox` keeps grids whose bounding box meets it; `query.community` one community's grids.
   * Providers that cannot filter on the server filter on the client, so the answer is the same everywhere.
   */
  grids(query: GridQuery, signal?: AbortSignal): Promise<GridCollection & PartialLayer>;
  /** Camera points, only those inside `query.bbox` when it is given. */
  cameras(query: { bbox?: Bbox }, signal?: AbortSignal): Promise<CameraCollection & PartialLayer>;
  /**
   * The same cameras as `cameras`, as typed columns decoded off the main thread (ProviderAdapter.cameraColumns):
   * the path for millions of cameras. Resolves with null when the cameras' provider has no columnar path, so the
   * caller uses `cameras`. Absent on sources that never offer it (test doubles).
   */
  cameraColumns?(query: { bbox?: Bbox }, signal?: AbortSignal): Promise<CameraColumnsAnswer | null>;
  /**
   * One camera with its `streamUrl` (HLS) and `snapshotUrl` (docs/api.md, GET /cameras/{id}), for the video
   * player. Rejects with a DataError of kind 'config' when the cameras' provider has no such call (only rest has).
   * Absent on sources that never offer it (test doubles).
   */
  camera?(id: string, signal?: AbortSignal): Promise<CameraDetail>;
  /** Service stations (governance centres, service stations, mediation rooms…). */
  stations(signal?: AbortSignal): Promise<StationCollection & PartialLayer>;
  /**
   * The city's departments and their names, from the indicators' provider (the same API answers both); null
   * when that provider has no department list (the indicators are computed in the browser, or it never says).
   * Absent on sources that never offer it (test doubles).
   */
  departments?(signal?: AbortSignal): Promise<DepartmentsResponse | null>;
  /**
   * Cases reported in `[query.from, query.to)`, oldest first, with the status, category, bbox and region filters.
   * Cases from a provider that knows no grids get their `gridId` from the spatial join against `grids`; a case
   * outside every grid keeps `gridId: null` and is left out of any region filter.
   */
  cases(query: CaseQuery, signal?: AbortSignal): Promise<CaseCollection & PartialLayer & MaybeIncomplete>;
  /**
   * The same cases as `cases` (same window, filters and order), as typed columns decoded and checked off the main
   * thread (ProviderAdapter.caseColumns): the path for a year's or a million cases. No titles: a view that shows
   * one case reads its title elsewhere (docs/api.md). Resolves with `{ kind: 'features' }` when the server answered
   * GeoJSON instead, and with null when the cases' provider has no columnar path (or cannot filter by region
   * itself), so the caller uses `cases`. Absent on sources that never offer it (test doubles).
   */
  caseColumns?(query: CaseQuery, signal?: AbortSignal): Promise<CaseColumnsAnswer | null>;
  /**
   * A region's (or grid's) indicators for a period, their series per day/week/month and its children's figures,
   * which add up to the parent's. Computed in the browser from `cases`, `grids` and `regions` when
   * `sources.indicators` is absent and cases come from a provider other than rest (docs/providers.md); then
   * `incomplete` says when those cases were a lower bound (incompleteness.ts).
   */
  /** The grid workers (only Gridboard's own contract serves them; others reject with a 'config' DataError). */
  workers?(query: WorkerQuery, signal?: AbortSignal): Promise<WorkerRoster>;
  workerPositions?(signal?: AbortSignal): Promise<WorkerPositionCollection>;
  workerTrack?(query: WorkerTrackQuery, signal?: AbortSignal): Promise<WorkerTrack>;
  indicators(query: IndicatorQuery, signal?: AbortSignal): Promise<IndicatorsResponse & MaybeIncomplete>;
  /**
   * The cases' provider's live stream (ProviderAdapter.caseStream), given the dataset's `meta.live`; null when it
   * has none for this source, and the caller polls. Absent on sources that never stream (test doubles).
   */
  caseStream?(live: boolean): Promise<CaseStreamOpener | null>;
  /**
   * A community's redrawn grids, saved through the grids' provider (ProviderAdapter.saveGrids); `unsupported` when
   * that provider cannot take grids back. Absent on sources that never save (test doubles).
   */
  saveGrids?(request: SaveGridsRequest, signal?: AbortSignal): Promise<SaveResult>;
}

/** A layer's source after defaults are applied: where it is and how to authenticate. */
export interface ResolvedSource extends SourceConfig {
  layer: LayerKind;
  url: string;
  headers: Record<string, string>;
  /** Per-request time limit (api.timeoutSeconds). */
  timeoutMs?: number;
}
