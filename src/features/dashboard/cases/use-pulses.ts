import { useMemo } from 'react';
import type { CaseColumns } from '../../../live/case-columns';
import type { CaseArrival } from '../../../live/live-cases';
import type { CasePulse } from '../../../map/cases/case-layers';
import { usePulseClock } from '../../../ui/use-pulse-clock';

/** How long a new case pulses on the map. */
export const pulseMs = 4_000;

/** Rows are ascending (selectCases scans in order), so membership is a binary search. */
export function hasRow(rows: Uint32Array, row: number): boolean {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = rows[middle] ?? 0;
    if (value === row) return true;
    if (value < row) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** The pulses of cases that just arrived and pass the filters, re-aged every frame while any is alive. */
export function usePulses(
  arrivals: readonly CaseArrival[],
  columns: CaseColumns,
  rows: Uint32Array,
): CasePulse[] {
  const newest = arrivals.at(-1)?.at ?? 0;
  const clock = usePulseClock(newest, pulseMs);
  const alive = clock - newest < pulseMs;
  return useMemo(() => {
    if (!alive) return [];
    return arrivals
      .filter((arrival) => clock - arrival.at < pulseMs && hasRow(rows, arrival.row))
      .map((arrival) => ({
        id: arrival.id,
        position: [columns.positions[arrival.row * 2] ?? 0, columns.positions[arrival.row * 2 + 1] ?? 0],
        age: Math.max(0, (clock - arrival.at) / pulseMs),
      }));
  }, [alive, arrivals, clock, columns, rows]);
}
