import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { UnitId } from '../domain/ids';
import { UnitTree, type FocusUnit } from '../domain/unit-tree';
import type { CameraColumnsAnswer } from '../contract/columnar/camera-columns.decode';
import type { CaseColumnsAnswer } from '../contract/columnar/case-columns.decode';
import { DataError } from './data-error';
import type { PartialLayer } from './partial-layer';
import { useDataSource } from './data-source-context';
import type { CaseQuery, IndicatorQuery, LayerSources, WorkerTrackQuery } from './provider';
import type { WorkerPositionCollection, WorkerRoster, WorkerTrack } from '../contract/schemas/workers.schema';
import type {
  CameraCollection,
  CaseCollection,
  DepartmentsResponse,
  GridCollection,
  IndicatorsResponse,
  Meta,
  RegionCollection,
  StationCollection,
} from '../contract/schemas/contract.schema';

/** Asking a data source without grid workers (a test's fake) is a configuration error naming the layer. */
const noWorkers = () => Promise.reject(new DataError('workers', 'config', 'no source serves grid workers'));

/** queryOptions factories beside their fetchers: one place names each cache entry. */
export const dataQueries = {
  /** The cases' live stream, once meta has said whether the dataset is live (null: poll instead). */
  caseStream: (source: LayerSources, live: boolean) =>
    queryOptions({
      queryKey: ['caseStream', live],
      queryFn: async () => (await source.caseStream?.(live)) ?? null,
      staleTime: Infinity,
    }),
  meta: (source: LayerSources) =>
    queryOptions<Meta, DataError>({ queryKey: ['meta'], queryFn: ({ signal }) => source.meta(signal) }),
  regions: (source: LayerSources) =>
    queryOptions<RegionCollection & PartialLayer, DataError>({
      queryKey: ['regions'],
      queryFn: ({ signal }) => source.regions(signal),
      staleTime: Infinity,
    }),
  grids: (source: LayerSources) =>
    queryOptions<GridCollection & PartialLayer, DataError>({
      queryKey: ['grids'],
      queryFn: ({ signal }) => source.grids({}, signal),
      staleTime: Infinity,
    }),
  cameras: (source: LayerSources) =>
    queryOptions<CameraCollection & PartialLayer, DataError>({
      queryKey: ['cameras'],
      queryFn: ({ signal }) => source.cameras({}, signal),
    }),
  /** The cameras as typed columns (null: the provider has none, use `cameras`); kept by reference, not compared. */
  cameraColumns: (source: LayerSources) =>
    queryOptions<CameraColumnsAnswer | null, DataError>({
      queryKey: ['cameras', 'columns'],
      queryFn: ({ signal }) => source.cameraColumns?.({}, signal) ?? Promise.resolve(null),
      structuralSharing: false,
    }),
  stations: (source: LayerSources) =>
    queryOptions<StationCollection & PartialLayer, DataError>({
      queryKey: ['stations'],
      queryFn: ({ signal }) => source.stations(signal),
    }),
  cases: (source: LayerSources, query: CaseQuery) =>
    queryOptions<CaseCollection & PartialLayer, DataError>({
      queryKey: ['cases', query],
      queryFn: ({ signal }) => source.cases(query, signal),
    }),
  /**
   * The same cases as columns (null: the provider has none, use `cases`). Kept by reference, not compared: the
   * live case columns adopt the decoded arrays.
   */
  caseColumns: (source: LayerSources, query: CaseQuery) =>
    queryOptions<CaseColumnsAnswer | null, DataError>({
      queryKey: ['cases', 'columns', query],
      queryFn: ({ signal }) => source.caseColumns?.(query, signal) ?? Promise.resolve(null),
      structuralSharing: false,
    }),
  departments: (source: LayerSources) =>
    queryOptions<DepartmentsResponse | null, DataError>({
      queryKey: ['departments'],
      queryFn: ({ signal }) => source.departments?.(signal) ?? Promise.resolve(null),
      staleTime: Infinity,
    }),
  /** The roster, masked by the server for a public view (a separate cache entry: never the unmasked one). */
  workers: (source: LayerSources, masked: boolean) =>
    queryOptions<WorkerRoster, DataError>({
      queryKey: ['workers', masked ? 'masked' : 'full'],
      queryFn: ({ signal }) => source.workers?.(masked ? { personal: 'masked' } : {}, signal) ?? noWorkers(),
      staleTime: 10 * 60_000,
    }),
  /** Where the workers are: a fix a minute, so asked again every minute while in use. */
  workerPositions: (source: LayerSources) =>
    queryOptions<WorkerPositionCollection, DataError>({
      queryKey: ['workers', 'positions'],
      queryFn: ({ signal }) => source.workerPositions?.(signal) ?? noWorkers(),
      refetchInterval: 60_000,
    }),
  workerTrack: (source: LayerSources, query: WorkerTrackQuery) =>
    queryOptions<WorkerTrack, DataError>({
      queryKey: ['workers', 'track', query],
      queryFn: ({ signal }) => source.workerTrack?.(query, signal) ?? noWorkers(),
      refetchInterval: 60_000,
    }),
  indicators: (source: LayerSources, query: IndicatorQuery) =>
    queryOptions<IndicatorsResponse, DataError>({
      queryKey: ['indicators', query],
      queryFn: ({ signal }) => source.indicators(query, signal),
    }),
};

export const useMeta = (): UseQueryResult<Meta, DataError> => useQuery(dataQueries.meta(useDataSource()));
export const useRegions = (): UseQueryResult<RegionCollection & PartialLayer, DataError> =>
  useQuery(dataQueries.regions(useDataSource()));
export const useGrids = (): UseQueryResult<GridCollection & PartialLayer, DataError> =>
  useQuery(dataQueries.grids(useDataSource()));
export const useCameras = (): UseQueryResult<CameraCollection & PartialLayer, DataError> =>
  useQuery(dataQueries.cameras(useDataSource()));
export const useStations = (): UseQueryResult<StationCollection & PartialLayer, DataError> =>
  useQuery(dataQueries.stations(useDataSource()));
export const useCases = (query: CaseQuery): UseQueryResult<CaseCollection & PartialLayer, DataError> =>
  useQuery(dataQueries.cases(useDataSource(), query));
export const useDepartments = (): UseQueryResult<DepartmentsResponse | null, DataError> =>
  useQuery(dataQueries.departments(useDataSource()));
export const useIndicators = (
  query: IndicatorQuery | null,
): UseQueryResult<IndicatorsResponse, DataError> => {
  const source = useDataSource();
  return useQuery({
    ...dataQueries.indicators(source, query ?? { region: '', from: '', to: '', interval: 'day' }),
    enabled: query !== null,
  });
};

// One tree per (regions, grids) answer pair, shared by every reader: TanStack Query hands each observer the same
// data object, so the dashboard's map, review and cases panels (and the wall) resolve units against one index.
const trees = new WeakMap<RegionCollection, WeakMap<object, UnitTree>>();
const noGrids = {};

/** The unit hierarchy of these answers (regions alone until the grids arrive), built once per answer pair. */
export function unitTreeOf(
  regions: RegionCollection | undefined,
  grids: GridCollection | undefined,
): UnitTree | undefined {
  if (!regions) return undefined;
  let byGrids = trees.get(regions);
  if (!byGrids) trees.set(regions, (byGrids = new WeakMap()));
  const key = grids ?? noGrids;
  let tree = byGrids.get(key);
  if (!tree) byGrids.set(key, (tree = UnitTree.of(regions, grids)));
  return tree;
}

/** The unit hierarchy of the configured source. */
export const useUnitTree = (): UnitTree | undefined => unitTreeOf(useRegions().data, useGrids().data);

/** The focused unit (`?region=`, already parsed into an id), resolved once per tree: the city when unknown. */
export const useFocusUnit = (id: UnitId | null): FocusUnit | null => useUnitTree()?.focus(id) ?? null;
