import { useCallback, useMemo, useState } from 'react';
import type { DataError } from '../../../data/data-error';
import { useTranslation } from 'react-i18next';
import { allCameras, type CameraFilter } from '../../../map/camera-points';
import { fillProperty, gridFill, type FillMode } from '../../../map/grid-fill';
import { GridMap, type GridMapProps, type MapView } from '../../../map/grid-map';
import { unitBounds } from '../../../map/unit-bounds';
import type { MapInput, MapPointer, MapTarget } from '../../../map/map-controller';
import { metaSettled } from '../../../data/map-crs';
import { useUnitTree } from '../../../data/queries';
import { screenFramePadding } from './frame-padding';
import { drillTargetOf } from './drill-target';
import { LayerAlert } from '../../../ui/layer-alert';
import { LayerNotice } from '../../../ui/layer-notice';
import { useViewState } from '../../../ui/view-state';
import { useOpenClickedCamera } from '../../../ui/camera-viewer';
import { summariseCameras } from './camera-summary';
import { useFocus } from '../review/use-focus';
import { useFirstMap } from '../first-map';
import { GridDetail, StationDetail } from './detail-panel';
import { DroppedFilesList, FileDropTarget } from './file-drop';
import { LayerPanel, type ToggledLayer } from './layer-panel';
import { IndicatorChoropleth } from './indicator-choropleth';
import { MapDrawer } from './map-drawer';
import { MapLegend, type CaseCounts } from './map-legend';
import { MapTooltip } from './map-tooltip';
import { useIndicatorChoropleth } from './use-indicator-choropleth';
import { useDroppedFiles } from './use-dropped-files';
import { useMapData } from './use-map-data';
import './dashboard-map.css';

/**
 * The dashboard's map: wires the query cache and the URL to the map, and places the layer panel, legend, tooltip,
 * detail panel and per-layer alerts over it. A failing layer shows its alert; every other layer keeps drawing.
 */
export interface DashboardMapProps {
  /** deck.gl layers another panel adds to the map (the live cases); memoised by the caller. */
  extraLayers?: GridMapProps['extraLayers'];
  /** deck.gl layers drawn above the map's own points (the early-warning marks); memoised by the caller. */
  topLayers?: GridMapProps['topLayers'];
  /** Loading state of the 'cases' layer, for its toggle in the layer panel. */
  casesStatus?: { isPending: boolean; isError: boolean };
  /** What the legend says of the live cases: how many are drawn, how many lie outside the grids. */
  caseCounts?: CaseCounts | null;
  /** A place another panel frames (a worker's patrol); the map flies there when its key changes. */
  focus?: GridMapProps['focus'];
  /**
   * The grid workers layer: whether this city's sources serve workers at all (else its toggle is left out), its
   * loading state, and what a click on a worker does (the live map draws his patrol).
   */
  workers?: {
    served: boolean;
    status: { isPending: boolean; isError: boolean };
    error: DataError | null;
    retry: () => void;
    onSelect: (id: string) => void;
  };
}

const idleStatus = { isPending: false, isError: false };
const noLayers: ReadonlySet<ToggledLayer> = new Set();
const workersUnavailable: ReadonlySet<ToggledLayer> = new Set(['workers']);

export function DashboardMap({
  extraLayers,
  topLayers,
  casesStatus = idleStatus,
  caseCounts = null,
  focus: panelFocus = null,
  workers,
}: DashboardMapProps = {}) {
  const { t } = useTranslation('map');
  const [view, setView] = useViewState();
  const data = useMapData();
  const { queries } = data;
  const [fillMode, setFillMode] = useState<FillMode>('type');
  const [cameraFilter, setCameraFilter] = useState<CameraFilter>(allCameras);
  const [pointer, setPointer] = useState<MapPointer | null>(null);
  const [stationId, setStationId] = useState<string | null>(null);
  const publicView = data.privacy.maskPersonalData || view.mode === 'wall';

  const fill = useMemo(() => {
    const features = data.grids?.features ?? [];
    const values =
      fillMode === 'type' ? [] : features.map((grid) => grid.properties[fillProperty[fillMode]] ?? 0);
    return gridFill(fillMode, values);
  }, [data.grids, fillMode]);

  const tree = useUnitTree();
  const focusGrids = useFocus()?.gridIds ?? null;
  const cameraSummary = useMemo(
    () => (data.cameras ? summariseCameras(data.cameras, focusGrids) : null),
    [data.cameras, focusGrids],
  );
  const selectedGrid = view.selected ? data.gridsById.get(view.selected) : undefined;
  const selectedCameras = useMemo(
    () => (data.cameras && view.selected ? summariseCameras(data.cameras, new Set([view.selected])) : null),
    [data.cameras, view.selected],
  );
  const communityName = selectedGrid ? (tree?.get(selectedGrid.communityId)?.name ?? null) : null;
  const station = stationId ? data.stationsById.get(stationId) : undefined;

  const wantsStations = view.layers.has('stations') || view.layers.has('serviceAreas');
  const complete =
    metaSettled(queries.meta) &&
    !queries.regions.isPending &&
    !queries.grids.isPending &&
    (!view.layers.has('cameras') || !queries.cameras.isPending) &&
    (!wantsStations || !queries.stations.isPending);

  const [framePadding] = useState(screenFramePadding);
  const openClickedCamera = useOpenClickedCamera(data.cameras);
  const onSelect = useCallback(
    (target: MapTarget | null, input?: MapInput) => {
      if (openClickedCamera(target)) return;
      if (target?.kind === 'worker') {
        workers?.onSelect(target.id);
        return;
      }
      // A tap on a grid drills the review into the unit under the focus that holds it (a district from the
      // city); from a community on, or with a mouse, it selects the grid.
      const grid = target?.kind === 'grid' ? data.gridsById.get(target.id) : undefined;
      const drill = input?.touch && grid && tree ? drillTargetOf(tree, view.region, grid.communityId) : null;
      if (drill) {
        setStationId(null);
        setView({ region: drill, selected: null });
        return;
      }
      if (target?.kind === 'station') {
        setStationId(target.id);
        return;
      }
      if (target?.kind === 'grid' || target === null) {
        setStationId(null);
        setView({ selected: target?.id ?? null });
      }
    },
    [setView, data.gridsById, tree, view.region, openClickedCamera, workers],
  );
  const { choropleth } = useIndicatorChoropleth();
  const { markShown } = useFirstMap();
  const unitFocus = useMemo(() => {
    const bounds = unitBounds(view.region, data.regions, data.grids);
    return bounds && view.region ? { key: view.region, bounds } : null;
  }, [view.region, data.regions, data.grids]);
  const focus = panelFocus ?? unitFocus;
  const droppedFiles = useDroppedFiles(data.basemap.crs, view.region);
  const { deckLayers: fileLayers } = droppedFiles;
  const mapLayers = useMemo(() => [...fileLayers, ...(extraLayers ?? [])], [fileLayers, extraLayers]);
  const onViewChange = useCallback((next: MapView) => setView({ map: next }, { replace: true }), [setView]);
  const onToggle = useCallback(
    (layer: ToggledLayer, on: boolean) => {
      const layers = new Set(view.layers);
      if (on) layers.add(layer);
      else layers.delete(layer);
      setView({ layers });
    },
    [view.layers, setView],
  );

  return (
    <GridMap
      basemap={data.basemap}
      cityBounds={data.cityBounds}
      view={view.map}
      onViewChange={onViewChange}
      regions={data.regions}
      grids={data.grids}
      serverGridTiles={data.serverTiles}
      cameras={data.cameras}
      cameraFilter={cameraFilter}
      stations={data.stations}
      layers={view.layers}
      fill={fill}
      selected={view.selected}
      onSelect={onSelect}
      onHover={setPointer}
      complete={complete}
      onReady={markShown}
      resetLabel={t('controls.reset')}
      focus={droppedFiles.focus ?? focus}
      dataAttribution={queries.meta.data?.attribution ?? null}
      choropleth={choropleth}
      {...(framePadding && { framePadding })}
      extraLayers={mapLayers}
      {...(topLayers && { topLayers })}
    >
      <FileDropTarget files={droppedFiles} />
      <div className="dashboard-map__alerts">
        <LayerAlert layer="meta" failure={data.failures.meta} onRetry={() => void queries.meta.refetch()} />
        <LayerAlert
          layer="regions"
          failure={data.failures.regions}
          onRetry={() => void queries.regions.refetch()}
        />
        <LayerAlert
          layer="grids"
          failure={data.failures.grids}
          onRetry={() => void queries.grids.refetch()}
        />
        {view.layers.has('cameras') && (
          <LayerAlert
            layer="cameras"
            failure={data.failures.cameras}
            onRetry={() => void queries.cameras.refetch()}
          />
        )}
        {workers && view.layers.has('workers') && (
          <LayerAlert layer="workers" error={workers.error} onRetry={workers.retry} />
        )}
        {wantsStations && (
          <LayerAlert
            layer="stations"
            failure={data.failures.stations}
            onRetry={() => void queries.stations.refetch()}
          />
        )}
        <LayerNotice
          layer="regions"
          skipped={data.skipped.regions}
          drawn={data.regions?.features.length ?? 0}
        />
        <LayerNotice layer="grids" skipped={data.skipped.grids} drawn={data.grids?.features.length ?? 0} />
        {view.layers.has('cameras') && (
          <LayerNotice layer="cameras" skipped={data.skipped.cameras} drawn={data.cameras?.count ?? 0} />
        )}
        {wantsStations && (
          <LayerNotice layer="stations" skipped={data.skipped.stations} drawn={data.stations?.length ?? 0} />
        )}
      </div>
      <MapDrawer>
        <LayerPanel
          layers={view.layers}
          onToggle={onToggle}
          status={{
            grids: layerStatus(queries.grids, data.failures.grids),
            cameras: layerStatus(queries.cameras, data.failures.cameras),
            stations: layerStatus(queries.stations, data.failures.stations),
            serviceAreas: layerStatus(queries.stations, data.failures.stations),
            cases: casesStatus,
            workers: workers?.status ?? idleStatus,
          }}
          unavailable={workers?.served ? noLayers : workersUnavailable}
          fill={fillMode}
          onFill={setFillMode}
          cameraFilter={cameraFilter}
          onCameraFilter={setCameraFilter}
          cameraSummary={cameraSummary}
        >
          <DroppedFilesList files={droppedFiles} />
        </LayerPanel>
        <IndicatorChoropleth choropleth={choropleth} />
        <MapLegend
          fill={fill}
          percent={fillMode === 'serviceReach'}
          layers={view.layers}
          caseCounts={caseCounts}
        />
      </MapDrawer>
      {pointer && (
        <MapTooltip
          pointer={pointer}
          grids={data.gridsById}
          cameras={data.cameras}
          stations={data.stationsById}
          publicView={publicView}
          minimumCount={data.privacy.minimumCount}
        />
      )}
      {station ? (
        <StationDetail station={station} onClose={() => setStationId(null)} />
      ) : (
        selectedGrid && (
          <GridDetail
            grid={selectedGrid}
            communityName={communityName}
            cameras={selectedCameras}
            publicView={publicView}
            minimumCount={data.privacy.minimumCount}
            onClose={() => setView({ selected: null })}
          />
        )
      )}
    </GridMap>
  );
}

/** A layer is failed from its first failed read until its next good one, loading only before its first answer. */
const layerStatus = (query: { isPending: boolean }, failure: unknown) => ({
  isPending: query.isPending && failure === undefined,
  isError: failure !== undefined,
});
