import { ScatterplotLayer } from '@deck.gl/layers';
import { workerTrackColour } from './worker-track.layer';

/** A grid worker where his last fix puts him, in the base map's system. */
export interface WorkerPoint {
  id: string;
  position: [number, number];
  onDuty: boolean;
}

export const workerPointsLayerId = 'worker-points';

/** Off duty (leave, training): a grey the grid types and case heat never use, so he reads as not available. */
export const offDutyColour: [number, number, number, number] = [120, 120, 120, 255];

/**
 * The workers as discs: on duty in the track's violet (a worker and his patrol read as one thing), off duty grey
 * and smaller; a white rim keeps both visible over any grid fill. Pickable: a click draws his patrol.
 */
export function workerPointsLayer(points: readonly WorkerPoint[]): ScatterplotLayer<WorkerPoint> {
  return new ScatterplotLayer<WorkerPoint>({
    id: workerPointsLayerId,
    data: points,
    getPosition: (point) => point.position,
    getRadius: (point) => (point.onDuty ? 6 : 4),
    radiusUnits: 'pixels',
    getFillColor: (point) => (point.onDuty ? workerTrackColour : offDutyColour),
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pickable: true,
  });
}
