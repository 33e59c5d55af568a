import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { classColour, quantileBreaks, sequentialColours, type ClassedFill } from './grid-fill';

/**
 * An indicator over the focused unit's children (districts of the city, streets of a district…, grids of a
 * community), as classed colours per unit id. Units with no data (a rate over zero cases) stay unfilled and are
 * listed as such in the legend, never painted as 0 %.
 */
export interface UnitValue {
  id: string;
  value: number | null;
}

export interface Choropleth {
  /** Which outlines carry the children: admin regions, or the grids of a community. */
  target: 'regions' | 'grids';
  classes: ClassedFill;
  colourById: ReadonlyMap<string, string>;
  /** Units shown as "no data". */
  missing: number;
  /** Rates are fractions in [0, 1] and get percentage legends. */
  rate: boolean;
}

/** Quantile thresholds for rates, on a 0.1 % grid so the legend reads "91.5 % – 93.2 %", not 0–1. */
function rateBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.toSorted((a, b) => a - b);
  const breaks: number[] = [];
  for (let k = 1; k < classes; k += 1) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / classes))] ?? 0;
    const rounded = Math.round(value * 1000) / 1000;
    const previous = breaks[breaks.length - 1];
    if (rounded > (previous ?? -Infinity) && rounded > (sorted[0] ?? 0)) breaks.push(rounded);
  }
  return breaks;
}

export function choroplethOf(
  units: readonly UnitValue[],
  target: Choropleth['target'],
  rate: boolean,
): Choropleth {
  const values = units.flatMap((unit) => (unit.value === null ? [] : [unit.value]));
  const breaks = rate
    ? rateBreaks(values, sequentialColours.length)
    : quantileBreaks(values, sequentialColours.length);
  const classes: ClassedFill = {
    kind: 'classes',
    property: 'value',
    breaks,
    colours: sequentialColours.slice(sequentialColours.length - breaks.length - 1),
  };
  const colourById = new Map<string, string>();
  for (const unit of units)
    if (unit.value !== null) colourById.set(unit.id, classColour(classes, unit.value));
  return { target, classes, colourById, missing: units.length - colourById.size, rate };
}

const transparent = 'rgba(0, 0, 0, 0)';

/** The paint expression: a match on the feature id (no data re-push when the indicator or window changes). */
export function choroplethColour(choropleth: Choropleth | null): ExpressionSpecification | string {
  const [first, ...rest] = choropleth ? [...choropleth.colourById] : [];
  if (!first) return transparent;
  return ['match', ['get', 'id'], first[0], first[1], ...rest.flat(), transparent];
}

export function choroplethFilter(
  choropleth: Choropleth | null,
  target: Choropleth['target'],
): FilterSpecification {
  if (choropleth?.target !== target) return ['==', ['get', 'id'], '\u0000'];
  return ['in', ['get', 'id'], ['literal', [...choropleth.colourById.keys()]]];
}
