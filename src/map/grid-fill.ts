import { gridTypes, type GridType } from '../domain/grid';

/**
 * How grids are filled: by type (categorical) or by an indicator (classed choropleth). The same description
 * drives the map's paint expression and the legend, so the two cannot disagree. Palettes are colour-blind safe,
 * checked by simulation: grid types as below, ColorBrewer YlGnBu for ordered classes.
 */
export const fillModes = ['type', 'households', 'population', 'serviceReach'] as const;
export type FillMode = (typeof fillModes)[number];

/** Property of a grid feature (as pushed to the map) that each indicator mode reads. */
export const fillProperty = {
  households: 'households',
  population: 'population',
  serviceReach: 'serviceReach',
} as const satisfies Record<Exclude<FillMode, 'type'>, string>;

/**
 * Chosen by simulation (palette-vision.test.ts), not by eye: Okabe–Ito's blue, vermillion and yellow with Tol's
 * wine and cyan stay at least 10 CIEDE2000 apart for protan, deutan and tritan readers at the fill's opacity on
 * both the light map and the wall's dark one (Okabe–Ito's own orange, purple and green fell to 6 there).
 */
export const gridTypeColours: Record<GridType, string> = {
  new_build: '#0072b2',
  urban_village: '#d55e00',
  old_town: '#882255',
  work_unit: '#66ccee',
  suburban: '#f0e442',
};

export const sequentialColours = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

export interface CategoricalFill {
  kind: 'categorical';
  property: 'type';
  entries: { value: GridType; colour: string }[];
}

export interface ClassedFill {
  kind: 'classes';
  property: string;
  /** Ascending thresholds; class i covers [breaks[i-1], breaks[i]). One fewer than the colours. */
  breaks: number[];
  colours: string[];
}

export type GridFill = CategoricalFill | ClassedFill;

/**
 * Quantile thresholds over the values, rounded to "nice" integers for counts and made strictly ascending (ties
 * collapse classes rather than produce empty ones).
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k < classes; k += 1) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / classes))] ?? 0;
    const rounded = niceRound(value);
    const previous = breaks[breaks.length - 1];
    if (rounded > (previous ?? -Infinity) && rounded > (sorted[0] ?? 0)) breaks.push(rounded);
  }
  return breaks;
}

function niceRound(value: number): number {
  if (value < 20) return Math.round(value);
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** The fill for a mode, given the values of the grids on the map (for indicator classes). */
export function gridFill(mode: FillMode, values: readonly number[]): GridFill {
  if (mode === 'type') {
    return {
      kind: 'categorical',
      property: 'type',
      entries: gridTypes.map((value) => ({ value, colour: gridTypeColours[value] })),
    };
  }
  const breaks =
    mode === 'serviceReach' ? [0.2, 0.4, 0.6, 0.8] : quantileBreaks(values, sequentialColours.length);
  return {
    kind: 'classes',
    property: fillProperty[mode],
    breaks,
    colours: sequentialColours.slice(sequentialColours.length - breaks.length - 1),
  };
}

/** The colour a value gets under a classed fill (the legend and tests use it; the map uses an expression). */
export function classColour(fill: ClassedFill, value: number): string {
  let index = 0;
  while (index < fill.breaks.length && value >= (fill.breaks[index] ?? Infinity)) index += 1;
  return fill.colours[index] ?? fill.colours[fill.colours.length - 1] ?? '#cccccc';
}
