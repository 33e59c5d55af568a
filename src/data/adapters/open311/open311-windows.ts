import { dayMs } from '../../../domain/china-time';

export interface TimeWindow {
  from: number;
  to: number;
}

/**
 * GeoReport v2 servers answer at most 90 days per `start_date`…`end_date` (and default to the last 90 days), so a
 * longer query becomes consecutive windows. Windows meet end to start; `end_date` is inclusive on the server, so a
 * request reported at the very boundary comes twice and is removed by id afterwards.
 */
export function splitWindows(from: number, to: number, windowDays: number): TimeWindow[] {
  if (!(from < to)) return [];
  const span = windowDays * dayMs;
  const windows: TimeWindow[] = [];
  for (let start = from; start < to; start += span)
    windows.push({ from: start, to: Math.min(start + span, to) });
  return windows;
}
