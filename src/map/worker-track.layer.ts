import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { bbox, multiPoint } from '@turf/turf';
import { formatChinaTime } from '../domain/china-time';
import { deckLabelFont } from './stations.layer';

/** A worker's day as the map draws it: the fixes in time order, already in the base map's system. */
export interface WorkerTrackPath {
  workerId: string;
  path: [number, number][];
  /** Epoch ms of each fix. */
  times: number[];
}

type Rgba = [number, number, number, number];

/**
 * Violet: no grid type, case heat, hotspot or camera status uses it, so the track reads over all of them (the
 * journeys look for it by this colour).
 */
export const workerTrackColour: Rgba = [106, 27, 154, 255];

/** The track's extent [west, south, east, north], or null without fixes. */
export const pathBounds = (path: [number, number][]): [number, number, number, number] | null =>
  path.length === 0 ? null : (bbox(multiPoint(path)) as [number, number, number, number]);

const label = (at: number | undefined) => (at === undefined ? '' : formatChinaTime(at).slice(11, 16));

/**
 * The track as a line, where he is now (the last fix) as a disc, and the times of his first and last fix beside
 * them (HH:MM, China time), so a dispatcher reads when he started and how fresh the position is.
 */
export function workerTrackLayers(track: WorkerTrackPath | null): Layer[] {
  const [start, end] = [track?.path[0], track?.path.at(-1)];
  if (!track || !start || !end) return [];
  const first = { position: start, text: label(track.times[0]) };
  const last = { position: end, text: label(track.times.at(-1)) };
  return [
    new PathLayer<WorkerTrackPath>({
      id: 'worker-track',
      data: [track],
      getPath: (item) => item.path,
      getColor: workerTrackColour,
      getWidth: 4,
      widthUnits: 'pixels',
      jointRounded: true,
      capRounded: true,
    }),
    new ScatterplotLayer<{ position: [number, number] }>({
      id: 'worker-track-now',
      data: [last],
      getPosition: (item) => item.position,
      getRadius: 9,
      radiusUnits: 'pixels',
      getFillColor: workerTrackColour,
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
    new TextLayer<{ position: [number, number]; text: string }>({
      id: 'worker-track-times',
      data: [first, last],
      getPosition: (item) => item.position,
      getText: (item) => item.text,
      getSize: 13,
      getColor: workerTrackColour,
      // His round often ends where it began: the start below its point, the latest fix above, so both read.
      getPixelOffset: (item) => (item === first ? [0, 18] : [0, -18]),
      characterSet: '0123456789:',
      fontFamily: deckLabelFont,
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 230],
      fontSettings: { sdf: true },
    }),
  ];
}
