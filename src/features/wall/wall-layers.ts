import type { TourScene } from './tour';

/**
 * The layers a wall scene may name in `wall.tour[].layers`: the map's own (grids, cameras, stations, service
 * areas) and the live picture (the window's case heat, new cases pulsing, early-warning grids ringed).
 */
export const wallLayerNames = [
  'grids',
  'heat',
  'pulses',
  'earlyWarning',
  'cameras',
  'stations',
  'serviceAreas',
] as const;

/** A scene that names no layers shows the live picture over the grids. */
export const defaultSceneLayers: readonly string[] = ['grids', 'heat', 'pulses', 'earlyWarning', 'cameras'];

export const sceneLayers = (scene: TourScene | undefined): readonly string[] =>
  scene?.layers ?? defaultSceneLayers;

/** Whether any scene of the tour shows one of `names`: the live cases load once for the whole tour, not per scene. */
export const tourShows = (scenes: readonly TourScene[], names: readonly string[]): boolean =>
  scenes.some((scene) => sceneLayers(scene).some((name) => names.includes(name)));
