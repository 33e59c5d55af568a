import { bbox as turfBbox, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, GeoJSON, Polygon, Position } from 'geojson';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';
import type { GridFeature } from '../../geo/plan/plan';
import { maplibregl } from '../maplibre';
import { plannerLayers, plannerSources } from './planner-layers';
import {
  createTerraDraw,
  drawModeOf,
  gridIdOfPart,
  gridMode,
  gridPartId,
  type PlannerTool,
} from './terra-draw-setup';
import { findMovedVertex, roundPosition } from './vertex-move';

/** What the planner map reports; the feature layer turns each into an operation and a transaction. */
export interface PlannerMapIntents {
  onVertexMoved: (from: Position, to: Position) => void;
  onLineDrawn: (line: Position[]) => void;
  onPolygonDrawn: (polygon: Polygon) => void;
  /** The whole new selection (shift-click adds to it). */
  onGridsSelected: (gridIds: string[]) => void;
}

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };
const padding = 60;

/** One part of a grid as pushed to terra-draw, with the plan's exact rings to recover a drag's `from`. */
interface PushedPart {
  grid: GridFeature;
  rings: Position[][];
}

function partsOf(grid: GridFeature): Position[][][] {
  return grid.geometry.type === 'Polygon' ? [grid.geometry.coordinates] : grid.geometry.coordinates;
}

/**
 * Owns the planner's MapLibre map and its terra-draw instance. Context (neighbours, community outline, issue
 * and diff highlights, reference layer) are plain MapLibre layers; the editable grids live in terra-draw.
 * Grids are re-pushed to terra-draw only when their feature object changed (plans are immutable).
 */
export class PlannerMapController {
  readonly map: maplibregl.Map;
  private draw: TerraDraw | null = null;
  private readonly sourceData = new Map<string, GeoJSON>();
  private grids: readonly GridFeature[] = [];
  private readonly pushed = new Map<string, PushedPart>();
  private selection: string[] = [];
  private tool: PlannerTool = 'select';
  private syncing = false;
  private shiftHeld = false;

  constructor(
    container: HTMLElement,
    style: StyleSpecification | string,
    bounds: [number, number, number, number],
    private intents: PlannerMapIntents,
  ) {
    this.map = new maplibregl.Map({
      container,
      style,
      bounds,
      fitBoundsOptions: { padding },
      attributionControl: false,
      dragRotate: false,
      maxPitch: 0,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => this.onLoad());
    window.addEventListener('keydown', this.trackShift);
    window.addEventListener('keyup', this.trackShift);
  }

  private readonly trackShift = (event: KeyboardEvent) => {
    this.shiftHeld = event.shiftKey;
  };

  setIntents(intents: PlannerMapIntents): void {
    this.intents = intents;
  }

  private onLoad(): void {
    for (const id of Object.values(plannerSources))
      this.map.addSource(id, { type: 'geojson', data: this.sourceData.get(id) ?? emptyCollection });
    for (const layer of plannerLayers) this.map.addLayer(layer);
    const draw = createTerraDraw(this.map);
    draw.on('ready', () => {
      this.draw = draw;
      this.syncGrids();
      draw.setMode(drawModeOf[this.tool]);
    });
    draw.on('select', (id) => this.onSelect(String(id)));
    draw.on('deselect', () => this.onDeselect());
    draw.on('finish', (id, context) => this.onFinish(String(id), context.mode, context.action));
    draw.start();
  }

  setSourceData(sourceId: string, data: GeoJSON): void {
    if (this.sourceData.get(sourceId) === data) return;
    this.sourceData.set(sourceId, data);
    void this.map.getSource<GeoJSONSource>(sourceId)?.setData(data);
  }

  setGrids(grids: readonly GridFeature[]): void {
    if (grids === this.grids) return;
    this.grids = grids;
    this.setSourceData(plannerSources.labels, {
      type: 'FeatureCollection',
      features: grids.map((grid) => ({
        ...pointOnFeature(grid),
        properties: { name: grid.properties.name },
      })),
    });
    this.syncGrids();
    this.pushSelection();
  }

  setSelection(gridIds: readonly string[]): void {
    if (gridIds.join('|') === this.selection.join('|')) return;
    this.selection = [...gridIds];
    this.pushSelection();
  }

  setTool(tool: PlannerTool): void {
    if (tool === this.tool) return;
    this.tool = tool;
    this.draw?.setMode(drawModeOf[tool]);
  }

  /** Bring grids into view (picked from the list: the map follows). */
  fitGrids(gridIds: readonly string[]): void {
    const features = this.grids.filter((grid) => gridIds.includes(grid.properties.id));
    if (features.length === 0) return;
    const [west, south, east, north] = turfBbox({ type: 'FeatureCollection', features });
    this.map.fitBounds([west, south, east, north], { padding, animate: false, maxZoom: 18 });
  }

  destroy(): void {
    window.removeEventListener('keydown', this.trackShift);
    window.removeEventListener('keyup', this.trackShift);
    if (this.draw?.enabled) this.draw.stop();
    this.map.remove();
  }

  private pushSelection(): void {
    const selected = this.grids.filter((grid) => this.selection.includes(grid.properties.id));
    this.setSourceData(plannerSources.selected, { type: 'FeatureCollection', features: selected });
  }

  /** Re-push changed grids to terra-draw; events it fires meanwhile are ours, not the planner's. */
  private syncGrids(): void {
    const draw = this.draw;
    if (!draw) return;
    this.syncing = true;
    try {
      const wanted = new Map<string, PushedPart>();
      for (const grid of this.grids)
        partsOf(grid).forEach((rings, part) =>
          wanted.set(gridPartId(grid.properties.id, part), { grid, rings }),
        );
      const stale = [...this.pushed]
        .filter(([id, part]) => wanted.get(id)?.grid !== part.grid)
        .map(([id]) => id);
      const present = stale.filter((id) => draw.hasFeature(id));
      if (present.length > 0) draw.removeFeatures(present);
      for (const id of stale) this.pushed.delete(id);
      const added = [...wanted].filter(([id]) => !this.pushed.has(id));
      const results = draw.addFeatures(
        added.map(([id, part]) => ({
          id,
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: part.rings.map((ring) => ring.map(roundPosition)) },
          properties: { mode: gridMode },
        })),
      );
      results.forEach((result, index) => {
        const entry = added[index];
        if (entry && result.valid) this.pushed.set(entry[0], entry[1]);
      });
    } finally {
      this.syncing = false;
    }
  }

  private onSelect(featureId: string): void {
    if (this.syncing) return;
    const gridId = gridIdOfPart(featureId);
    const next = this.shiftHeld ? [...this.selection.filter((id) => id !== gridId), gridId] : [gridId];
    this.intents.onGridsSelected(next);
  }

  private onDeselect(): void {
    if (this.syncing || this.shiftHeld) return;
    this.intents.onGridsSelected([]);
  }

  private onFinish(featureId: string, mode: string, action: string): void {
    const draw = this.draw;
    if (!draw) return;
    const feature = draw.getSnapshotFeature(featureId);
    if (mode === 'linestring' || (mode === 'polygon' && action === 'draw')) {
      draw.removeFeatures([featureId]);
      if (feature?.geometry.type === 'LineString') this.intents.onLineDrawn(feature.geometry.coordinates);
      if (feature?.geometry.type === 'Polygon') this.intents.onPolygonDrawn(feature.geometry);
      return;
    }
    if (action !== 'dragCoordinate' || feature?.geometry.type !== 'Polygon') return;
    const part = this.pushed.get(featureId);
    const move = part ? findMovedVertex(part.rings, feature.geometry.coordinates) : null;
    // Put terra-draw back to the plan's geometry; the plan's answer (moved or refused) arrives as new props.
    this.pushed.delete(featureId);
    this.syncGrids();
    if (move) this.intents.onVertexMoved(move.from, move.to);
  }
}
