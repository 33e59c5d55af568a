import type { Period } from './indicators';

/**
 * Time windows are calendar days in China Standard Time (UTC+08:00, no daylight saving), whatever the
 * display's own time zone: a leader in Beijing and a wall in Jincheng must see the same "today".
 */
export const chinaOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

export type WindowPresetName = 'today' | '7d' | '30d' | '90d' | '365d' | 'custom';
export interface WindowChoice {
  preset: WindowPresetName;
  from?: string;
  to?: string;
}

const presetDays: Record<Exclude<WindowPresetName, 'custom'>, number> = {
  today: 1,
  '7d': 7,
  '30d': 30,
  '90d': 90,
  '365d': 365,
};

/** Epoch ms of the start of the China calendar day containing `instant`. */
export function chinaDayStart(instant: number): number {
  return Math.floor((instant + chinaOffsetMs) / dayMs) * dayMs - chinaOffsetMs;
}

/** "YYYY-MM-DD" of a China calendar day → epoch ms of its start; NaN if malformed. */
export function parseChinaDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - chinaOffsetMs;
}

export function formatChinaDay(instant: number): string {
  return new Date(instant + chinaOffsetMs).toISOString().slice(0, 10);
}

/**
 * The period a window covers: whole days ending with today (the end is tomorrow's midnight, so the period and
 * every query key built from it stay stable all day long).
 */
export function resolveWindow(choice: WindowChoice, now: number): Period {
  if (choice.preset === 'custom' && choice.from && choice.to) {
    const from = parseChinaDay(choice.from);
    const to = parseChinaDay(choice.to) + dayMs;
    if (Number.isFinite(from) && Number.isFinite(to) && from < to) return { from, to };
  }
  const days = choice.preset === 'custom' ? presetDays['30d'] : presetDays[choice.preset];
  const to = chinaDayStart(now) + dayMs;
  return { from: to - days * dayMs, to };
}

/** The period of the same length just before, for "change against the previous period". */
export function previousPeriod(period: Period): Period {
  const length = period.to - period.from;
  return { from: period.from - length, to: period.from };
}

export const periodDays = (period: Period): number => Math.round((period.to - period.from) / dayMs);

/** ISO 8601 with the +08:00 offset, as the contract writes times. */
export function toChinaIso(instant: number): string {
  return new Date(instant + chinaOffsetMs).toISOString().replace('Z', '+08:00').replace('.000+', '+');
}
