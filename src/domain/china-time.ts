/**
 * The contract's time: China Standard Time (UTC+08:00, no daylight saving), the one home of its arithmetic for
 * the client, the mock and the server. Times on the wire, case ids, day buckets and time windows all use it, so
 * "today" means the same day on a leader's laptop in Beijing, on the wall in Jincheng and in the data. (What a
 * screen *shows* is formatted in the configured display zone: src/ui/time-format.ts.)
 */
export const chinaOffsetMinutes = 480;
export const chinaOffsetMs = chinaOffsetMinutes * 60_000;
const offsetMs = chinaOffsetMs;
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

/** "YYYY-MM-DD" of a China calendar day → epoch ms of its start; NaN if malformed. */
export function parseChinaDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - offsetMs;
}

/** "YYYY-MM-DD": the China calendar day containing the instant. */
export function formatChinaDay(instant: number): string {
  return new Date(instant + offsetMs).toISOString().slice(0, 10);
}
