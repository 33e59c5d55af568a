import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { StationKind, StationLevel } from '../domain/points';

/**
 * Service stations: a coloured disc with one Chinese character naming the kind (综 治理中心, 便 便民服务站…), the
 * command-centre convention; the disc grows with the level. Names appear once the map is zoomed in to streets.
 * deck.gl's TextLayer builds its glyph atlas from local fonts, so nothing is fetched.
 */
type Rgba = [number, number, number, number];

export interface StationMark {
  id: string;
  name: string;
  kind: StationKind;
  level: StationLevel;
  position: [number, number];
}

export const stationKindStyle: Record<StationKind, { colour: Rgba; character: string }> = {
  governance_center: { colour: [179, 38, 30, 255], character: '综' },
  service_station: { colour: [0, 114, 178, 255], character: '便' },
  party_service_center: { colour: [204, 51, 17, 255], character: '党' },
  mediation_room: { colour: [136, 34, 85, 255], character: '调' },
  legal_service: { colour: [17, 119, 51, 255], character: '法' },
};

export const stationLevelRadius: Record<StationLevel, number> = { district: 15, street: 12, community: 9 };

export const stationLabelMinZoom = 13;

/**
 * A city holds thousands of village-level stations: drawn all at once at city zoom they bury the map. Each level
 * appears from the zoom at which its units are big enough on screen to tell apart.
 */
export const stationLevelMinZoom: Record<StationLevel, number> = { district: 0, street: 10, community: 12 };

/** The zoom tier (0, 1, 2) decides which levels show; layers are rebuilt only when the tier changes. */
export const stationTier = (zoom: number): number =>
  zoom >= stationLevelMinZoom.community ? 2 : zoom >= stationLevelMinZoom.street ? 1 : 0;

export function stationsVisibleAt(stations: readonly StationMark[], tier: number): readonly StationMark[] {
  const zoom = [0, stationLevelMinZoom.street, stationLevelMinZoom.community][tier] ?? 0;
  return stations.filter((station) => stationLevelMinZoom[station.level] <= zoom);
}
export const stationLayerIds = {
  marks: 'stations-marks',
  characters: 'stations-characters',
  names: 'stations-names',
};

/** The CSS font stack deck.gl text layers draw with (local fonts only; nothing is fetched). */
export const deckLabelFont =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export function stationLayers(stations: readonly StationMark[], zoom: number): Layer[] {
  const layers: Layer[] = [
    new ScatterplotLayer<StationMark>({
      id: stationLayerIds.marks,
      data: stations,
      getPosition: (station) => station.position,
      getRadius: (station) => stationLevelRadius[station.level],
      radiusUnits: 'pixels',
      getFillColor: (station) => stationKindStyle[station.kind].colour,
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
    }),
    new TextLayer<StationMark>({
      id: stationLayerIds.characters,
      data: stations,
      getPosition: (station) => station.position,
      getText: (station) => stationKindStyle[station.kind].character,
      getSize: (station) => stationLevelRadius[station.level] * 1.15,
      getColor: [255, 255, 255, 255],
      characterSet: Object.values(stationKindStyle).map((style) => style.character),
      fontFamily: deckLabelFont,
    }),
  ];
  if (zoom >= stationLabelMinZoom) {
    layers.push(
      new TextLayer<StationMark>({
        id: stationLayerIds.names,
        data: stations,
        getPosition: (station) => station.position,
        getText: (station) => station.name,
        getSize: 12,
        getColor: [33, 33, 33, 255],
        getPixelOffset: (station) => [0, stationLevelRadius[station.level] + 9],
        characterSet: 'auto',
        fontFamily: deckLabelFont,
        outlineWidth: 3,
        outlineColor: [255, 255, 255, 230],
        fontSettings: { sdf: true },
      }),
    );
  }
  return layers;
}
