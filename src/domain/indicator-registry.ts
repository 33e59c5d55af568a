import type { IndicatorFigures } from './indicators';
import { rateOf, type Ratio } from './ratio';
import type { SettlementFigures } from './settlement';

/** A unit's figures for a period, as `/indicators` gives them for the unit and for each child. */
export interface UnitIndicators {
  figures: IndicatorFigures;
  settlement: SettlementFigures;
}

interface Definition<K extends 'rate' | 'count'> {
  kind: K;
  /** For ranking (红黑榜) and the choropleth's reading: fewer is better. */
  lowerIsBetter: boolean;
  /** Offered in rankings and the choropleth (open cases are a stock, not a result: cards and comparison only). */
  rankable: boolean;
  /** In `/indicators`' series too (IndicatorFigures); the settlement figures are per period only. */
  inSeries: boolean;
  read: (unit: UnitIndicators) => K extends 'rate' ? Ratio : number;
}

const rate = (
  read: (unit: UnitIndicators) => Ratio,
  { lowerIsBetter = false, inSeries = true } = {},
): Definition<'rate'> => ({ kind: 'rate', lowerIsBetter, rankable: true, inSeries, read });
const count = (
  read: (unit: UnitIndicators) => number,
  { lowerIsBetter = false, rankable = true, inSeries = true } = {},
): Definition<'count'> => ({ kind: 'count', lowerIsBetter, rankable, inSeries, read });

/**
 * The one list of the indicators leaders read, in the order they are shown: the KPI cards, the comparison, the
 * rankings and the choropleth all offer what is here (their definitions: indicators.ts and settlement.ts).
 */
export const indicatorRegistry = {
  resolutionRate: rate((unit) => unit.figures.resolutionRate),
  satisfactionRate: rate((unit) => unit.figures.satisfactionRate),
  onTimeRate: rate((unit) => unit.figures.onTimeRate),
  withinStreetRate: rate((unit) => unit.settlement.withinStreet, { inSeries: false }),
  escalationRate: rate((unit) => unit.settlement.escalationRate, { lowerIsBetter: true, inSeries: false }),
  supervisionMetRate: rate((unit) => unit.settlement.supervisionMet, { inSeries: false }),
  casesReported: count((unit) => unit.figures.casesReported, { lowerIsBetter: true }),
  openCases: count((unit) => unit.figures.openCases, { lowerIsBetter: true, rankable: false }),
  overdueCases: count((unit) => unit.figures.overdueCases, { lowerIsBetter: true }),
  supervisedCases: count((unit) => unit.settlement.supervisedCases, { lowerIsBetter: true, inSeries: false }),
  volunteerHours: count((unit) => unit.figures.volunteerHours),
} as const;

export type Indicator = keyof typeof indicatorRegistry;
export const indicators = Object.keys(indicatorRegistry) as Indicator[];
export const rateIndicators = indicators.filter((key) => indicatorRegistry[key].kind === 'rate');
export const countIndicators = indicators.filter((key) => indicatorRegistry[key].kind === 'count');
export const isRate = (indicator: Indicator): boolean => indicatorRegistry[indicator].kind === 'rate';

/** The indicator's ratio, for a rate; null for a count. */
export function ratioOf(unit: UnitIndicators, indicator: Indicator): Ratio | null {
  const definition: Definition<'rate'> | Definition<'count'> = indicatorRegistry[indicator];
  return definition.kind === 'rate' ? definition.read(unit) : null;
}

/** The indicator's value: a rate as a share (null with no data), a count as it is. */
export function indicatorValue(unit: UnitIndicators, indicator: Indicator): number | null {
  const definition: Definition<'rate'> | Definition<'count'> = indicatorRegistry[indicator];
  return definition.kind === 'rate' ? rateOf(definition.read(unit)) : definition.read(unit);
}
