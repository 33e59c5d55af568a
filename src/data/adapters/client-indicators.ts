import type { CaseProperties } from '../../domain/case';
import { periodsOf, seriesOfCases } from '../../domain/indicator-series';
import { figuresOfCases, type Period } from '../../domain/indicators';
import { handlingOfCases, settlementOfCases } from '../../domain/settlement';
import { DataError } from '../data-error';
import type { IndicatorQuery } from '../provider';
import {
  indicatorsSchema,
  type CaseCollection,
  type GridCollection,
  type IndicatorsResponse,
  type RegionCollection,
} from '../../contract/schemas/contract.schema';
import { joinCasesToGrids } from './client/case-grid-join';
import { UnitTree, type Unit } from '../../domain/unit-tree';
import { checkBody } from '../json-body';
import { chinaOffsetMinutes, dayMs } from '../../domain/china-time';

/**
 * `GET /indicators` computed in the browser, for case sources that have no indicators of their own (Open311, a
 * file, an OGC collection). The same definitions as the REST server (src/domain/indicators.ts,
 * indicator-series.ts) over the same hierarchy rules, so for the same cases the answer is the same, field by field.
 */
export interface ClientIndicatorsInput {
  /** Cases reported before `query.to`, including older ones still open in the period; `gridId` may be null. */
  cases: CaseCollection;
  grids: GridCollection;
  regions: RegionCollection;
  query: IndicatorQuery;
  /** The data's "now" (epoch ms): the default end of the period and the response's `dataTime`. */
  now: number;
  /** Volunteer hours come from another system; without one they are 0 (docs/providers.md). */
  volunteerHours?: (unit: Unit, period: Period) => number;
  /** The city's fixed UTC offset for day, week and month buckets (China: +480, no daylight saving). */
  utcOffsetMinutes?: number;
}

const defaultDays = 30;
const maxBuckets = 3_700;

/** ISO 8601 with the city's offset, whole seconds, as the REST server writes times. */
export function formatLocalTime(ms: number, utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  const offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return (
    new Date(Math.floor(ms / 1000) * 1000 + utcOffsetMinutes * 60_000).toISOString().slice(0, 19) + offset
  );
}

function instantOf(text: string, utcOffsetMinutes: number): number | undefined {
  if (text === '') return undefined;
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(bareDate ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(ms))
    throw new DataError('indicators', 'config', `"${text}" is not an ISO 8601 date-time`);
  return bareDate ? ms - utcOffsetMinutes * 60_000 : ms;
}

/** The query's figures from the period's cases, each already given its grid (the join's output). */
export interface JoinedCasesInput {
  cases: readonly CaseProperties[];
  tree: UnitTree;
  query: IndicatorQuery;
  now: number;
  volunteerHours?: (unit: Unit, period: Period) => number;
  utcOffsetMinutes?: number;
}

/** Synchronous, on the calling thread: the reference the worker's answer equals (indicators-client.ts). */
export function computeIndicators(input: ClientIndicatorsInput): IndicatorsResponse {
  return indicatorsOfJoinedCases({
    ...input,
    cases: joinCasesToGrids(input.cases, input.grids).features.map((feature) => feature.properties),
    tree: UnitTree.of(input.regions, input.grids),
  });
}

/**
 * The figures once every case has its grid: the same code for the synchronous path and the worker, so the two
 * cannot drift apart.
 */
export function indicatorsOfJoinedCases(input: JoinedCasesInput): IndicatorsResponse {
  const { query, now, tree, utcOffsetMinutes = chinaOffsetMinutes } = input;
  const volunteerHours = input.volunteerHours ?? (() => 0);
  const unit = query.region === '' ? tree.root() : tree.get(query.region);
  if (!unit)
    throw new DataError('indicators', 'config', `region "${query.region}" is not a known region or grid`);
  const to = instantOf(query.to, utcOffsetMinutes) ?? now;
  const period: Period = { from: instantOf(query.from, utcOffsetMinutes) ?? to - defaultDays * dayMs, to };
  if (period.from >= period.to) throw new DataError('indicators', 'config', 'from must be before to');
  const buckets = periodsOf(period, query.interval, utcOffsetMinutes);
  if (buckets.length > maxBuckets)
    throw new DataError('indicators', 'config', `more than ${maxBuckets} ${query.interval}s`);

  const depth = unit.path.length - 1;
  const own: CaseProperties[] = [];
  const byChild = new Map<string, CaseProperties[]>();
  for (const properties of input.cases) {
    if (Date.parse(properties.reportedAt) >= period.to) continue;
    const path = properties.gridId ? tree.get(properties.gridId)?.path : undefined;
    // A case in no grid has no path and so no unit, the city included (src/domain/outside-grids.ts).
    if (path?.[depth] !== unit.id) continue;
    own.push(properties);
    const child = path[depth + 1];
    if (child === undefined) continue;
    const siblings = byChild.get(child);
    if (siblings) siblings.push(properties);
    else byChild.set(child, [properties]);
  }
  const series = seriesOfCases(own, buckets).map((figures, index) => {
    const bucket = buckets[index] ?? period;
    figures.volunteerHours = volunteerHours(unit, bucket);
    return { start: formatLocalTime(bucket.from, utcOffsetMinutes), figures };
  });
  const children = tree.childrenOf(unit.id).map((child) => ({
    id: child.id,
    name: child.name,
    level: child.level,
    figures: figuresOfCases(byChild.get(child.id) ?? [], period, volunteerHours(child, period)),
    settlement: settlementOfCases(byChild.get(child.id) ?? [], period),
  }));
  return checkBody(
    'indicators',
    indicatorsSchema,
    {
      region: { id: unit.id, name: unit.name, level: unit.level },
      from: formatLocalTime(period.from, utcOffsetMinutes),
      to: formatLocalTime(period.to, utcOffsetMinutes),
      interval: query.interval,
      figures: figuresOfCases(own, period, volunteerHours(unit, period)),
      series,
      children,
      ...handlingOfCases(own, period),
      dataTime: formatLocalTime(now, utcOffsetMinutes),
    },
    { what: 'indicators' },
  );
}
