import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { maplibregl } from '../maplibre';
import { labelsLayerId } from './planner-layers';
import { drawPrecision } from './vertex-move';

/** The terra-draw mode that holds the community's grids: never drawn with, only edited through select. */
export const gridMode = 'grid';
export type PlannerTool = 'select' | 'split' | 'carve';
export const drawModeOf: Record<PlannerTool, string> = {
  select: 'select',
  split: 'linestring',
  carve: 'polygon',
};

const snapping = { toCoordinate: true, toLine: true };
let drawnSerial = 0;

/**
 * Terra-draw on the planner's MapLibre map. Grids may be edited only by dragging a vertex (no midpoints, no
 * deleting, no moving a whole grid): that maps one to one onto the plan's `moveVertex`, which moves every grid
 * sharing the vertex. Drawing (split lines, new grids) snaps to existing vertices and edges so it follows the lines
 * already there.
 */
export function createTerraDraw(map: maplibregl.Map): TerraDraw {
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({
      map,
      coordinatePrecision: drawPrecision,
      renderBelowLayerId: labelsLayerId,
    }),
    // Grid parts carry the plan's ids (`<gridId>#<part>`), drawn lines get our own.
    idStrategy: {
      isValidId: (id) => typeof id === 'string' && id.length > 0,
      getId: () => `drawn-${++drawnSerial}`,
    },
    modes: [
      new TerraDrawSelectMode({
        flags: {
          [gridMode]: {
            feature: {
              draggable: false,
              // No snapping while dragging a vertex: the neighbours still hold the vertex's old position, within
              // snapping reach, so a small move would snap straight back onto it and never happen. The plan's
              // moveVertex moves every grid sharing the vertex, which keeps the tiling without snapping.
              coordinates: { draggable: true, snappable: false, midpoints: false, deletable: false },
            },
          },
        },
        keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
        styles: {
          selectedPolygonColor: '#2f6fd6',
          selectedPolygonFillOpacity: 0.25,
          selectedPolygonOutlineColor: '#ff7f0e',
          selectedPolygonOutlineWidth: 3,
          selectionPointColor: '#ffffff',
          selectionPointOutlineColor: '#ff7f0e',
          selectionPointWidth: 5,
          selectionPointOutlineWidth: 2,
        },
      }),
      new TerraDrawPolygonMode({
        modeName: gridMode,
        styles: {
          fillColor: '#2f6fd6',
          fillOpacity: 0.12,
          outlineColor: '#2f6fd6',
          outlineWidth: 2,
        },
      }),
      new TerraDrawLineStringMode({
        snapping,
        keyEvents: { cancel: 'Escape', finish: 'Enter' },
        styles: { lineStringColor: '#d62728', lineStringWidth: 3 },
      }),
      new TerraDrawPolygonMode({
        snapping,
        keyEvents: { cancel: 'Escape', finish: 'Enter' },
        styles: { fillColor: '#2ca02c', fillOpacity: 0.25, outlineColor: '#2ca02c', outlineWidth: 2 },
      }),
    ],
  });
}

export const gridPartId = (gridId: string, part: number): string => `${gridId}#${part}`;
export const gridIdOfPart = (featureId: string | number): string => String(featureId).split('#')[0] ?? '';

export type DrawFeature = GeoJSONStoreFeatures;
