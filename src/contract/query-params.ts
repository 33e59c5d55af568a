import { parseBbox, parseWordList, type Bbox } from '../domain/case-filter';
import { chinaOffsetMinutes, dayMs } from '../domain/china-time';
import { periodsOf } from '../domain/indicator-series';
import { intervals } from './schemas/contract.schema';

/**
 * Reading query parameters the way the contract defines them (docs/api.md, Conventions), for the mock and the
 * server alike. A reader returns the value or throws a BadParameter, which each turns into a 400 with the code,
 * so a typo never silently widens a query.
 */
export class BadParameter extends Error {
  constructor(
    readonly code: 'bad_parameter' | 'unknown_region' | 'bad_tile',
    message: string,
  ) {
    super(message);
  }
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
/**
 * ISO 8601 as the contract writes it. Checked before Date.parse, whose lenient fallback would read "%00" or
 * "1,2,3" as some date instead of refusing them.
 */
const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/** ISO 8601 instant; a bare date means local (UTC+8) midnight, the city's calendar day. */
export function readInstant(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text === '') return undefined;
  const value = isoInstant.test(text)
    ? Date.parse(dateOnly.test(text) ? `${text}T00:00:00+08:00` : text)
    : Number.NaN;
  if (Number.isNaN(value))
    throw new BadParameter('bad_parameter', `${name} "${text}" is not an ISO 8601 date or date-time`);
  return value;
}

export function readBbox(params: URLSearchParams): Bbox | undefined {
  const text = params.get('bbox');
  if (text === null || text === '') return undefined;
  const value = parseBbox(text);
  if (!value)
    throw new BadParameter('bad_parameter', `bbox "${text}" is not "west,south,east,north" in degrees`);
  return value;
}

export function readWords<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): Set<T> | undefined {
  const text = params.get(name);
  if (text === null || text === '') return undefined;
  const result = parseWordList(text, allowed);
  if ('unknown' in result) {
    throw new BadParameter(
      'bad_parameter',
      `${name} "${result.unknown}" is not one of ${allowed.join(', ')}`,
    );
  }
  return result.values;
}

export function readPeriod(params: URLSearchParams, defaultFrom: (to: number) => number, now: number) {
  const to = readInstant(params, 'to') ?? now;
  const from = readInstant(params, 'from') ?? defaultFrom(to);
  if (from >= to) throw new BadParameter('bad_parameter', 'from must be before to');
  return { from, to };
}

/** A daily series over ten years is already more than any chart shows; beyond this the request is refused. */
const maxBuckets = 3_700;
const defaultIndicatorDays = 30;

/**
 * The window and series buckets of `/indicators` (docs/api.md): the 30 days before `to` (or now) unless `from` is
 * given, one interval (`day` by default), local (UTC+8) buckets, at most 3,700 of them.
 */
export function readIndicatorsQuery(params: URLSearchParams, now: number) {
  const period = readPeriod(params, (to) => to - defaultIndicatorDays * dayMs, now);
  const [interval, ...more] = [...(readWords(params, 'interval', intervals) ?? ['day' as const])];
  if (interval === undefined || more.length > 0) throw new BadParameter('bad_parameter', 'give one interval');
  const buckets = periodsOf(period, interval, chinaOffsetMinutes);
  if (buckets.length > maxBuckets)
    throw new BadParameter('bad_parameter', `more than ${maxBuckets} ${interval}s`);
  return { period, interval, buckets };
}
