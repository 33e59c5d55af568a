import { caseStages, type CaseStage } from '../../domain/case';

/**
 * One colour per step of the six-step loop, from the Okabe–Ito palette (told apart with any colour vision):
 * warm while a case waits at the front of the loop, blue while handled, green once closed.
 */
export type Rgba = [number, number, number, number];

export const caseStageColours: Record<CaseStage, Rgba> = {
  reported: [213, 94, 0, 255],
  filed: [230, 159, 0, 255],
  assigned: [204, 121, 167, 255],
  handling: [0, 114, 178, 255],
  feedback: [86, 180, 233, 255],
  closed: [0, 158, 115, 255],
};

/** Stage codes (indices into caseStages) → RGBA bytes, one attribute array per point set. */
export function stageColourBytes(stage: Uint8Array, count: number): Uint8Array {
  const colours = new Uint8Array(count * 4);
  for (let index = 0; index < count; index += 1) {
    colours.set(caseStageColours[caseStages[stage[index] ?? 0] ?? 'reported'], index * 4);
  }
  return colours;
}

export const cssColour = ([red, green, blue]: Rgba): string => `rgb(${red} ${green} ${blue})`;

/** YlOrRd, the heat ramp shared by the heatmap and the hexagon / square aggregation. */
export const heatColourRange: [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** The heatmap's ramp: the same hues, the faint end see-through so thin heat doesn't hide the grid fill. */
export const heatmapColourRange: Rgba[] = [
  [254, 178, 76, 70],
  [253, 141, 60, 150],
  [240, 59, 32, 200],
  [189, 0, 38, 225],
  [128, 0, 38, 240],
  [80, 0, 30, 250],
];

/** Early-warning grids (未诉先办): the heat ramp's hot end, a deep red no loop stage or grid type uses. */
export const hotspotColour: [number, number, number] = [189, 0, 38];
