import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { walkingReachMetres } from '../geo/service-area';
import type { StationMark } from './stations.layer';

/** The 15-minute walk (≈ 1 km) around each station, as translucent rings under the station marks. */
export const serviceAreaLayerId = 'service-areas';

export function serviceAreaLayer(stations: readonly StationMark[]): Layer {
  return new ScatterplotLayer<StationMark>({
    id: serviceAreaLayerId,
    data: stations,
    getPosition: (station) => station.position,
    getRadius: walkingReachMetres,
    radiusUnits: 'meters',
    getFillColor: [0, 114, 178, 28],
    stroked: true,
    getLineColor: [0, 114, 178, 170],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
  });
}
