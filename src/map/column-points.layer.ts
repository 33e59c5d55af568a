import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';

/** Points held as columns: interleaved longitude, latitude. */
export interface PointColumns {
  readonly count: number;
  readonly positions: Float32Array;
}

/** How the dots look: everything of the scatterplot but its data. */
export type ColumnPointStyle = Pick<
  ScatterplotLayerProps,
  'getRadius' | 'opacity' | 'stroked' | 'getLineColor' | 'getLineWidth' | 'pickable'
>;

/**
 * Dots drawn straight from columns (cameras, cases): positions and RGBA colours go to deck.gl as binary attributes,
 * so no object is made per point and the layer's data changes only when the columns or the colours do.
 */
export function columnPointLayer(
  id: string,
  points: PointColumns,
  colours: Uint8Array,
  style: ColumnPointStyle,
): Layer {
  return new ScatterplotLayer({
    id,
    data: {
      length: points.count,
      attributes: {
        getPosition: { value: points.positions, size: 2 },
        getFillColor: { value: colours, size: 4, normalized: true },
      },
    },
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    ...style,
  });
}
