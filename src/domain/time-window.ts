import { chinaDayStart, dayMs, parseChinaDay } from './china-time';
import type { Period } from './indicators';

/**
 * Time windows are calendar days in China Standard Time (./china-time.ts), whatever the display's own time zone:
 * a leader in Beijing and a wall in Jincheng must see the same "today".
 */

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
