import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, MapMouseEvent, SourceSpecification, VectorTileSource } from 'maplibre-gl';
import {
  areaLayers,
  areaSource,
  choroplethLayerIds,
  gridFillLayerId,
  gridFillOpacity,
  gridLayerIds,
  fillColour,
  selectedFilter,
} from './area-layers';
import { choroplethColour, choroplethFilter, type Choropleth } from './choropleth';
import type { GridFill } from './grid-fill';
import type { ServerGridTiles } from './grid-tiles/grid-source-choice';
import { GridSources } from './grid-tiles/grid-sources';
import { gridTileLayer } from './grid-tiles/grid-tiles-protocol';
import { maplibregl } from './maplibre';
import { ResetControl } from './reset-control';

/**
 * The one object that owns the MapLibre map and the deck.gl overlay. React hands it data and view state; it pushes
 * to the GPU only what changed (same reference, no setData), keeps hover in feature state (no React render per
 * mouse move inside the map) and reports picks, clicks and camera moves back.
 */
export type MapTarget =
  | { kind: 'grid'; id: string }
  | { kind: 'camera'; index: number }
  | { kind: 'cameraCluster'; count: number; online: number }
  | { kind: 'station'; id: string }
  | { kind: 'worker'; id: string; onDuty: boolean };

export interface MapPointer {
  target: MapTarget;
  x: number;
  y: number;
}

/** How a click reached the map: a finger's tap has no hover before it, so it also shows the tooltip. */
export interface MapInput {
  touch: boolean;
}

export interface MapCamera {
  lng: number;
  lat: number;
  zoom: number;
  bounds: [number, number, number, number];
}

export interface MapControllerOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  start: { lng: number; lat: number; zoom: number } | { bounds: [number, number, number, number] };
  fill: GridFill;
  selected: string | null;
  resetLabel: string;
  onReset: () => void;
  onHover: (pointer: MapPointer | null) => void;
  onClick: (target: MapTarget | null, input: MapInput) => void;
  onCameraChange: (camera: MapCamera) => void;
  /** Turns a deck.gl pick into a target; the React side knows which row of which layer it was. */
  resolvePick: (info: PickingInfo) => MapTarget | null;
  onReady: (millisecondsSinceNavigation: number) => void;
  /** Room kept free around a unit the map fits to (panels over the map); defaults to the dashboard's. */
  framePadding?: FramePadding;
  /** Tiles kept per source once out of view (MapLibre's default grows with the screen); see GridMapProps. */
  maxTileCacheSize?: number;
}

export interface FramePadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The dashboard's layer panel covers the left of the map: keep the city clear of it. */
export const dashboardFramePadding: FramePadding = { top: 24, bottom: 24, left: 240, right: 24 };

export { gridTileThreshold } from './grid-tiles/grid-source-choice';

export class MapController {
  readonly map: maplibregl.Map;
  private readonly overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
  private loaded = false;
  private readonly pushed = new Map<string, GeoJSON>();
  private hoveredGrid: string | null = null;
  private fill: GridFill;
  private selected: string | null;
  private gridsVisible = true;
  private readyRequested = false;
  private readyReported = false;
  private attribution = new maplibregl.AttributionControl({ compact: true });
  private dataAttribution: string | null = null;
  private choropleth: Choropleth | null = null;
  private readonly gridSources = new GridSources({
    isLoaded: () => this.loaded,
    replaceSource: () => this.replaceGridSource(),
    setTiles: (url) => this.map.getSource<VectorTileSource>(areaSource.grids)?.setTiles([url]),
    // setData resolves when the worker has the data; the map redraws on its own, so nothing waits on it.
    setData: (data) => void this.map.getSource<GeoJSONSource>(areaSource.grids)?.setData(data),
  });
  /** When a finger last touched the map: the click that follows it is a tap. */
  private lastTouchMs = Number.NEGATIVE_INFINITY;

  constructor(private options: MapControllerOptions) {
    this.fill = options.fill;
    this.selected = options.selected;
    const start = options.start;
    this.map = new maplibregl.Map({
      container: options.container,
      style: options.style,
      ...('bounds' in start
        ? {
            bounds: start.bounds,
            fitBoundsOptions: { padding: options.framePadding ?? dashboardFramePadding },
          }
        : { center: [start.lng, start.lat], zoom: start.zoom }),
      attributionControl: false,
      // The briefing's PNG export reads the canvas after it was composited; without this it would read blank.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: true,
      maxPitch: 0,
      ...(options.maxTileCacheSize !== undefined ? { maxTileCacheSize: options.maxTileCacheSize } : {}),
    });
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(
      new maplibregl.FullscreenControl({ container: options.container.parentElement ?? options.container }),
      'top-right',
    );
    this.map.addControl(new ResetControl(options.resetLabel, () => this.options.onReset()), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.addControl(this.overlay);
    this.map.on('load', () => this.onLoad());
    this.map.on('mousemove', (event) => this.onPointerMove(event));
    this.map.on('mouseout', () => this.clearHover());
    this.map.on('touchstart', () => {
      this.lastTouchMs = performance.now();
    });
    this.map.on('click', (event) => this.onPointerClick(event));
    this.map.on('moveend', () => this.options.onCameraChange(this.camera()));
  }

  private get framePadding(): FramePadding {
    return this.options.framePadding ?? dashboardFramePadding;
  }

  /** Callbacks change with React renders; the map keeps its listeners and reads the latest ones. */
  updateCallbacks(options: MapControllerOptions): void {
    this.options = options;
  }

  camera(): MapCamera {
    const centre = this.map.getCenter();
    const bounds = this.map.getBounds();
    return {
      lng: centre.lng,
      lat: centre.lat,
      zoom: this.map.getZoom(),
      bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    };
  }

  /**
   * Credit the data's source (e.g. the demo city's boundary licence) beside the base map's own attribution. The
   * text arrives with the dataset's metadata, after the map exists, so the control is replaced when it changes.
   */
  setDataAttribution(text: string | null): void {
    if (text === this.dataAttribution) return;
    this.dataAttribution = text;
    this.map.removeControl(this.attribution);
    this.attribution = new maplibregl.AttributionControl({
      compact: true,
      ...(text ? { customAttribution: text } : {}),
    });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  /** Colour the focused unit's children by an indicator (null: back to the grid fill). */
  setChoropleth(choropleth: Choropleth | null): void {
    if (choropleth === this.choropleth) return;
    this.choropleth = choropleth;
    if (this.loaded) this.applyChoropleth();
  }

  private applyChoropleth(): void {
    for (const target of ['regions', 'grids'] as const) {
      this.map.setFilter(choroplethLayerIds[target], choroplethFilter(this.choropleth, target));
      this.map.setPaintProperty(choroplethLayerIds[target], 'fill-color', choroplethColour(this.choropleth));
    }
    // While an indicator colours the units, the grid-type fill underneath would only muddy its classes.
    this.map.setPaintProperty(gridFillLayerId, 'fill-opacity', this.choropleth ? 0 : gridFillOpacity);
  }

  /** Push a GeoJSON source, unless it is the very object pushed last time. */
  setSourceData(sourceId: string, data: GeoJSON): void {
    if (this.pushed.get(sourceId) === data) return;
    this.pushed.set(sourceId, data);
    if (sourceId === areaSource.grids) {
      this.gridSources.update(data, this.fill, true);
      return;
    }
    if (!this.loaded) return;
    // setData resolves when the worker has the data; the map redraws on its own, so nothing waits on it.
    void this.map.getSource<GeoJSONSource>(sourceId)?.setData(data);
  }

  setFill(fill: GridFill): void {
    if (fill === this.fill) return;
    this.fill = fill;
    if (this.loaded) this.map.setPaintProperty(gridFillLayerId, 'fill-color', fillColour(fill));
    // A fill by a figure server tiles do not hold takes the worker's tiles, and back.
    this.gridSources.update(this.pushed.get(areaSource.grids), fill, false);
  }

  /** The data server's grid tiles (meta's `tiles`), or null: used instead of the worker's for many grids. */
  setServerGridTiles(tiles: ServerGridTiles | null): void {
    if (this.gridSources.offerServerTiles(tiles))
      this.gridSources.update(this.pushed.get(areaSource.grids), this.fill, false);
  }

  setSelected(selected: string | null): void {
    if (selected === this.selected) return;
    this.selected = selected;
    if (this.loaded) this.map.setFilter('grid-selected', selectedFilter(selected));
  }

  setGridsVisible(visible: boolean): void {
    if (visible === this.gridsVisible) return;
    this.gridsVisible = visible;
    if (this.loaded) this.applyGridVisibility();
  }

  setDeckLayers(layers: Layer[]): void {
    this.overlay.setProps({ layers });
  }

  jumpTo(view: { lng: number; lat: number; zoom: number }): void {
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
  }

  fitBounds(bounds: [number, number, number, number]): void {
    this.map.fitBounds(bounds, { padding: this.framePadding, animate: false });
  }

  /** Drill-down: fly to a unit so the eye follows where it went (a jump when the user asked for less motion). */
  flyToBounds(bounds: [number, number, number, number]): void {
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.map.fitBounds(bounds, { padding: this.framePadding, duration: reduced ? 0 : 900, maxZoom: 16 });
  }

  /** Report readiness on the first idle after every layer's data has been pushed. */
  markComplete(): void {
    if (this.readyRequested) return;
    this.readyRequested = true;
    if (this.loaded) this.reportReadyWhenIdle();
  }

  destroy(): void {
    this.map.remove();
    this.gridSources.destroy();
  }

  private gridSourceSpec(): SourceSpecification {
    if (this.gridSources.tileSpec !== null) {
      const { url, minzoom, maxzoom } = this.gridSources.tileSpec;
      return { type: 'vector', tiles: [url], minzoom, maxzoom, promoteId: 'id' };
    }
    const data = this.pushed.get(areaSource.grids) ?? { type: 'FeatureCollection', features: [] };
    return { type: 'geojson', data, promoteId: 'id' };
  }

  /** Swap the grids' source between GeoJSON and vector tiles, keeping every layer drawn from it in its place. */
  private replaceGridSource(): void {
    const layers = this.map.getStyle().layers;
    const moved = layers.flatMap((layer, index) =>
      'source' in layer && layer.source === areaSource.grids ? [{ layer, index }] : [],
    );
    for (const { layer } of moved) this.map.removeLayer(layer.id);
    this.hoveredGrid = null;
    this.map.removeSource(areaSource.grids);
    this.map.addSource(areaSource.grids, this.gridSourceSpec());
    // Re-add from the top down, each before the layer that followed it (re-added already if it was moved too).
    for (const { layer, index } of [...moved].reverse()) {
      const before = layers[index + 1]?.id;
      const spec: Record<string, unknown> = { ...layer };
      if (this.gridSources.tileSpec !== null) spec['source-layer'] = gridTileLayer;
      else delete spec['source-layer'];
      this.map.addLayer(spec as typeof layer, before);
    }
  }

  private onLoad(): void {
    for (const id of Object.values(areaSource)) {
      if (id === areaSource.grids) continue;
      this.map.addSource(id, {
        type: 'geojson',
        data: this.pushed.get(id) ?? { type: 'FeatureCollection', features: [] },
      });
    }
    this.map.addSource(areaSource.grids, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
    });
    for (const layer of areaLayers(this.fill, this.selected, this.choropleth)) this.map.addLayer(layer);
    // The layers are written for a GeoJSON source; put the grids' real source (either kind) under them.
    this.replaceGridSource();
    this.applyChoropleth();
    this.loaded = true;
    this.applyGridVisibility();
    if (this.readyRequested) this.reportReadyWhenIdle();
  }

  private reportReadyWhenIdle(): void {
    if (this.gridSources.loading) {
      // Tiles still being cut: the first idle would come before any grid is drawn.
      const loading = this.gridSources.loading;
      this.gridSources.loading = null;
      void loading.then(() => this.reportReadyWhenIdle());
      return;
    }
    this.map.once('idle', () => {
      if (this.readyReported) return;
      this.readyReported = true;
      this.options.onReady(performance.now());
    });
    this.map.triggerRepaint();
  }

  private applyGridVisibility(): void {
    for (const id of gridLayerIds) {
      this.map.setLayoutProperty(id, 'visibility', this.gridsVisible ? 'visible' : 'none');
    }
  }

  private pick(event: MapMouseEvent): MapTarget | null {
    const info = this.overlay.pickObject({ x: event.point.x, y: event.point.y, radius: 4 });
    const deckTarget = info ? this.options.resolvePick(info) : null;
    if (deckTarget) return deckTarget;
    if (!this.loaded || !this.gridsVisible) return null;
    const [grid] = this.map.queryRenderedFeatures(event.point, { layers: [gridFillLayerId] });
    const id: unknown = grid?.properties['id'];
    return typeof id === 'string' ? { kind: 'grid', id } : null;
  }

  /**
   * A cluster opens up where it was clicked; anything else is the caller's selection. A tap (no mouse to hover
   * with) also shows the tooltip of what it hit, until the next tap.
   */
  private onPointerClick(event: MapMouseEvent): void {
    const target = this.pick(event);
    const original: Event = event.originalEvent;
    const touch =
      (typeof PointerEvent !== 'undefined' &&
        original instanceof PointerEvent &&
        original.pointerType === 'touch') ||
      performance.now() - this.lastTouchMs < 1000;
    if (touch) {
      this.setHoveredGrid(target?.kind === 'grid' ? target.id : null);
      this.options.onHover(target ? { target, x: event.point.x, y: event.point.y } : null);
    }
    if (target?.kind === 'cameraCluster') {
      this.map.easeTo({ center: event.lngLat, zoom: this.map.getZoom() + 2 });
      return;
    }
    this.options.onClick(target, { touch });
  }

  private onPointerMove(event: MapMouseEvent): void {
    const target = this.pick(event);
    this.setHoveredGrid(target?.kind === 'grid' ? target.id : null);
    this.map.getCanvas().style.cursor = target ? 'pointer' : '';
    this.options.onHover(target ? { target, x: event.point.x, y: event.point.y } : null);
  }

  private clearHover(): void {
    this.setHoveredGrid(null);
    this.options.onHover(null);
  }

  private setHoveredGrid(id: string | null): void {
    if (id === this.hoveredGrid || !this.loaded) return;
    const source = {
      source: areaSource.grids,
      ...(this.gridSources.tileSpec !== null ? { sourceLayer: gridTileLayer } : {}),
    };
    if (this.hoveredGrid !== null)
      this.map.setFeatureState({ ...source, id: this.hoveredGrid }, { hover: false });
    this.hoveredGrid = id;
    if (id !== null) this.map.setFeatureState({ ...source, id }, { hover: true });
  }
}
