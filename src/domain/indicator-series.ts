import type { CaseProperties } from './case';
import { countCase, emptyFigures, type IndicatorFigures, type Period } from './indicators';
import { dayMs } from './china-time';

/**
 * Time series of the indicators: a period cut into local days, weeks (Monday first) or calendar months, each
 * bucket clipped to the period, so the buckets' reported and closed counts add up to the period's own.
 */
export const seriesIntervals = ['day', 'week', 'month'] as const;
export type SeriesInterval = (typeof seriesIntervals)[number];

/** Start of the local bucket containing `ms`, for a fixed UTC offset (China: +480 minutes, no DST). */
export function bucketStart(ms: number, interval: SeriesInterval, utcOffsetMinutes: number): number {
  const offset = utcOffsetMinutes * 60_000;
  const local = new Date(ms + offset);
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  if (interval === 'day') return dayStart - offset;
  if (interval === 'week') return dayStart - ((local.getUTCDay() + 6) % 7) * dayMs - offset;
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - offset;
}

function nextBucketStart(start: number, interval: SeriesInterval, utcOffsetMinutes: number): number {
  if (interval === 'day') return start + dayMs;
  if (interval === 'week') return start + 7 * dayMs;
  // Mid-month plus a month and a bit always lands in the next month, whatever its length.
  return bucketStart(start + 40 * dayMs, 'month', utcOffsetMinutes);
}

export function periodsOf(period: Period, interval: SeriesInterval, utcOffsetMinutes: number): Period[] {
  const buckets: Period[] = [];
  let start = bucketStart(period.from, interval, utcOffsetMinutes);
  while (start < period.to) {
    const end = nextBucketStart(start, interval, utcOffsetMinutes);
    buckets.push({ from: Math.max(start, period.from), to: Math.min(end, period.to) });
    start = end;
  }
  return buckets;
}

type CaseFacts = Pick<CaseProperties, 'reportedAt' | 'closedAt' | 'dueAt' | 'resolved' | 'satisfaction'>;

/** First index whose bucket satisfies `test`, buckets being ordered (binary search). */
function firstIndex(buckets: readonly Period[], test: (bucket: Period) => boolean): number {
  let low = 0;
  let high = buckets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const bucket = buckets[middle];
    if (bucket && test(bucket)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Figures per bucket with the one definition (`countCase`). A case only touches the buckets between its report
 * and its close, so a year of daily buckets costs about (cases × days open), not (cases × days).
 */
export function seriesOfCases(cases: Iterable<CaseFacts>, buckets: readonly Period[]): IndicatorFigures[] {
  const series = buckets.map(() => emptyFigures());
  for (const facts of cases) {
    const reported = Date.parse(facts.reportedAt);
    const closed = facts.closedAt === null ? Infinity : Date.parse(facts.closedAt);
    const first = firstIndex(buckets, (bucket) => bucket.to > reported);
    const end = firstIndex(buckets, (bucket) => bucket.from > closed);
    for (let index = first; index < end; index++) {
      const bucket = buckets[index];
      const figures = series[index];
      if (bucket && figures) countCase(figures, facts, bucket);
    }
  }
  return series;
}
