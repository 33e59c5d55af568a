/**
 * The demo city keeps local time (UTC+8, no daylight saving): case ids, daily rhythms, day buckets and the
 * timestamps on the wire all use it, so "today" means the same day on the wall display as in the data.
 */
export const chinaOffsetMinutes = 480;
const offsetMs = chinaOffsetMinutes * 60_000;
export const dayMs = 86_400_000;

/** ISO 8601 with the +08:00 offset, whole seconds: "2026-11-22T09:30:00+08:00". */
export function formatChinaTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000 + offsetMs).toISOString().slice(0, 19) + '+08:00';
}

/** Start of the local day containing the instant, as epoch milliseconds. */
export function chinaDayStart(epochMs: number): number {
  return Math.floor((epochMs + offsetMs) / dayMs) * dayMs - offsetMs;
}

/** "20261122": the local date, used in case ids. */
export function chinaDateStamp(epochMs: number): string {
  return new Date(epochMs + offsetMs).toISOString().slice(0, 10).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday, in local time. */
export function chinaWeekday(epochMs: number): number {
  return (new Date(epochMs + offsetMs).getUTCDay() + 6) % 7;
}
