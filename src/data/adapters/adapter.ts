import type { LayerKind, ProviderKind } from '../../domain/runtime-config';
import type { CameraColumnsAnswer } from '../../contract/columnar/camera-columns.decode';
import type { CaseColumnsAnswer } from '../../contract/columnar/case-columns.decode';
import type { Bbox, CaseQuery, GridQuery, IndicatorQuery, ResolvedSource } from '../provider';
import type {
  CameraCollection,
  CameraDetail,
  CaseCollection,
  DepartmentsResponse,
  GridCollection,
  IndicatorsResponse,
  Meta,
  RegionCollection,
  StationCollection,
} from '../../contract/schemas/contract.schema';
import type { PartialLayer } from '../partial-layer';
import type { CaseStreamOpener } from '../rest/case-stream';
import type { SaveGridsRequest, SaveGridsResult } from '../rest/save-grids';
import type {
  WorkerPositionCollection,
  WorkerRoster,
  WorkerTrack,
} from '../../contract/schemas/workers.schema';
import type { WorkerQuery, WorkerTrackQuery } from '../provider';

/** How far a long read has got, for a progress bar: `total` when the server announced it (OGC numberMatched). */
export interface LoadProgress {
  layer: LayerKind;
  loaded: number;
  total?: number;
}

/**
 * What every adapter call receives besides its query: the resolved source (URL, headers, options), the caller's
 * abort signal, and a progress callback for reads that take several requests.
 */
export interface AdapterCall {
  source: ResolvedSource;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

/**
 * One kind of provider (rest, open311, ogc, files). A provider implements the layers its protocol can express and
 * leaves the others out; `createDataSource` answers a layer bound to a provider that lacks it with a DataError of
 * kind 'config' naming the layer. Every member returns data already parsed with the contract's zod schemas, or
 * rejects with a DataError naming the layer. Headers travel in `source.headers` only: adapters never put
 * credentials in a URL and never log them.
 */
export interface ProviderAdapter {
  readonly kind: ProviderKind;
  /**
   * The dataset's name, extent, CRS and data time. Served by the provider of the regions layer, because that
   * is the source that knows the city's extent.
   */
  meta?(call: AdapterCall): Promise<Meta>;
  /** Admin areas (city → district → street → community) with their parent links. */
  regions?(call: AdapterCall): Promise<RegionCollection & PartialLayer>;
  /** Grid polygons; `query.bbox` keeps grids whose bounding box meets it, `query.community` one community's. */
  grids?(call: AdapterCall, query: GridQuery): Promise<GridCollection & PartialLayer>;
  /** Camera points, inside `query.bbox` when given. */
  cameras?(call: AdapterCall, query: { bbox?: Bbox }): Promise<CameraCollection & PartialLayer>;
  /**
   * The fast path for millions of cameras: the same cameras as `cameras`, as typed columns with no JS object per
   * camera. Asks for the columnar binary format (`application/vnd.gridboard.points+octet-stream`, see
   * src/geo/columnar/README.md) by content negotiation and decodes and checks it in a worker; a server that
   * answers GeoJSON instead is parsed as `cameras` would be. Rejects with a DataError of kind 'format' naming the
   * refused block, column or value (an unknown status, a code outside its dictionary, a coordinate out of range).
   * Optional: the map falls back to `cameras` for providers without it.
   */
  cameraColumns?(call: AdapterCall, query: { bbox?: Bbox }): Promise<CameraColumnsAnswer>;
  /** One camera with where to watch it (its HLS stream, its still picture); only the REST contract has it. */
  camera?(call: AdapterCall, id: string): Promise<CameraDetail>;
  /** Service stations. */
  stations?(call: AdapterCall): Promise<StationCollection & PartialLayer>;
  /** The city's departments (docs/api.md, /departments): their names, served with the indicators. */
  departments?(call: AdapterCall): Promise<DepartmentsResponse>;
  /**
   * Cases reported in `[query.from, query.to)`, oldest first, with the status/category/bbox filters applied.
   * A provider that cannot place a case in a grid returns `gridId: null`; the data source joins it by position.
   * `query.region` is applied by the data source after that join when the provider cannot filter by region.
   */
  cases?(call: AdapterCall, query: CaseQuery): Promise<CaseCollection & PartialLayer>;
  /**
   * The fast path for a year's or a million cases: the same cases as `cases`, as typed columns with no JS object
   * per case. Asks for the columnar binary format by content negotiation (docs/api.md, GET /cases) and decodes
   * and checks it in a worker (src/contract/columnar/case-columns.decode.ts); a server that answers GeoJSON instead is
   * parsed as `cases` would be (`kind: 'features'`). Rejects with a DataError of kind 'format' for the cases layer
   * naming the refused block, column or case. Optional: the cases tab falls back to `cases` without it. Only
   * used when the adapter also `filtersCasesByRegion` (the columns get no client-side grid join).
   */
  caseColumns?(call: AdapterCall, query: CaseQuery): Promise<CaseColumnsAnswer>;
  /**
   * The grid workers' roster (docs/api.md, Grid workers); with `personal: 'masked'` the server masks names and
   * leaves phones out, for views the public can see. Only Gridboard's own contract has workers.
   */
  workers?(call: AdapterCall, query: WorkerQuery): Promise<WorkerRoster>;
  /** Each worker's last known position. */
  workerPositions?(call: AdapterCall): Promise<WorkerPositionCollection>;
  /** One worker's patrol fixes of a day (China time), up to now. */
  workerTrack?(call: AdapterCall, query: WorkerTrackQuery): Promise<WorkerTrack>;
  /** A region's indicators; providers without them are served client-side from cases (client-indicators.ts). */
  indicators?(call: AdapterCall, query: IndicatorQuery): Promise<IndicatorsResponse>;
  /**
   * Live cases pushed by the provider (new or changed, with the connection's state); REST streams them as
   * Server-Sent Events when its meta says `live` (over fetch when the source has headers to send, which the
   * browser's EventSource cannot). Answers undefined when this source cannot stream (no `live`), and the cases
   * are then polled; optional for the same reason.
   */
  caseStream?(source: ResolvedSource, live: boolean): CaseStreamOpener | undefined;
  /**
   * Takes a community's redrawn grids back, with the version the plan was based on; 409 (someone saved first) and
   * 422 (the plan breaks a rule) are answers, not failures. Optional: only a provider that owns the grids has it.
   */
  saveGrids?(call: AdapterCall, request: SaveGridsRequest): Promise<SaveGridsResult>;
  /** True when `cases` honours `query.region` itself (it knows the hierarchy), so no join is needed. */
  readonly filtersCasesByRegion?: boolean;
}
