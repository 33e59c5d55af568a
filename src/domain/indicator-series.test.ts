import { describe, expect, it } from 'vitest';
import type { CaseProperties } from './case';
import { bucketStart, periodsOf, seriesOfCases } from './indicator-series';
import { figuresOfCases } from './indicators';

const china = 480;
const local = (text: string): number => Date.parse(`${text}+08:00`);

describe('indicator series', () => {
  it('buckets start at local midnight, on Mondays, and on the 1st of the month', () => {
    const instant = local('2026-03-18T01:30:00'); // a Wednesday, still the 17th in UTC
    expect(bucketStart(instant, 'day', china)).toBe(local('2026-03-18T00:00:00'));
    expect(bucketStart(instant, 'week', china)).toBe(local('2026-03-16T00:00:00'));
    expect(bucketStart(instant, 'month', china)).toBe(local('2026-03-01T00:00:00'));
  });

  it('cuts a period into buckets clipped to it, covering it without gaps', () => {
    const period = { from: local('2026-01-15T12:00:00'), to: local('2026-04-02T00:00:00') };
    const months = periodsOf(period, 'month', china);
    expect(months.map((bucket) => new Date(bucket.from + china * 60_000).toISOString().slice(0, 10))).toEqual(
      ['2026-01-15', '2026-02-01', '2026-03-01', '2026-04-01'],
    );
    expect(months[0]?.from).toBe(period.from);
    expect(months.at(-1)?.to).toBe(period.to);
    months.slice(1).forEach((bucket, index) => expect(bucket.from).toBe(months[index]?.to));
    expect(
      periodsOf({ from: local('2026-01-01T00:00:00'), to: local('2026-01-08T00:00:00') }, 'day', china),
    ).toHaveLength(7);
  });

  it('gives each bucket the same figures as computing that bucket alone', () => {
    const cases: Pick<CaseProperties, 'reportedAt' | 'closedAt' | 'dueAt' | 'resolved' | 'satisfaction'>[] = [
      {
        reportedAt: '2026-01-01T09:00:00+08:00',
        dueAt: '2026-01-04T09:00:00+08:00',
        closedAt: '2026-01-03T10:00:00+08:00',
        resolved: true,
        satisfaction: 'satisfied',
      },
      {
        reportedAt: '2025-12-20T09:00:00+08:00',
        dueAt: '2025-12-25T09:00:00+08:00',
        closedAt: null,
        resolved: null,
        satisfaction: null,
      },
      {
        reportedAt: '2026-01-05T23:59:59+08:00',
        dueAt: '2026-01-06T09:00:00+08:00',
        closedAt: '2026-01-07T00:00:00+08:00',
        resolved: false,
        satisfaction: 'dissatisfied',
      },
      {
        reportedAt: '2025-11-01T09:00:00+08:00',
        dueAt: '2025-11-05T09:00:00+08:00',
        closedAt: '2025-11-04T09:00:00+08:00',
        resolved: true,
        satisfaction: null,
      },
    ];
    const buckets = periodsOf(
      { from: local('2026-01-01T00:00:00'), to: local('2026-01-08T00:00:00') },
      'day',
      china,
    );
    const series = seriesOfCases(cases, buckets);
    buckets.forEach((bucket, index) => expect(series[index]).toEqual(figuresOfCases(cases, bucket)));
    expect(series.every((figures) => figures.openCases >= 1)).toBe(true);
  });
});
