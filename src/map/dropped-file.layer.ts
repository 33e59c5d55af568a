import { GeoJsonLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';

/**
 * A file the user dropped on the map, drawn in one colour that no city layer uses (the grids' type colours are
 * Okabe–Ito; this is a deep violet), translucent so the grids under it stay readable.
 */
export const droppedFileColour: [number, number, number] = [94, 60, 153];
export const droppedFileFillAlpha = 0.5;

export type DroppedFileLayer = GeoJsonLayer;

export function droppedFileLayer(id: string, features: FeatureCollection): DroppedFileLayer {
  return new GeoJsonLayer({
    id: `dropped-file-${id}`,
    data: features,
    filled: true,
    stroked: true,
    getFillColor: [...droppedFileColour, Math.round(droppedFileFillAlpha * 255)],
    getLineColor: [...droppedFileColour, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    pointRadiusUnits: 'pixels',
    getPointRadius: 6,
    pickable: false,
  });
}
