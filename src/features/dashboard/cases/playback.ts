import type { Period } from '../../../domain/indicators';
import { dayMs } from '../../../domain/china-time';

/**
 * Playback walks the window one day at a time: frame `day` is the day `day` days after the window's start.
 * Pure, so the bar and the map agree on what a frame is.
 */
export const playbackSpeeds = [1, 2, 4, 8] as const;
export type PlaybackSpeed = (typeof playbackSpeeds)[number];

export const playbackDays = (window: Period): number =>
  Math.max(1, Math.round((window.to - window.from) / dayMs));

/** The period a frame shows: the whole window when no day is chosen, one day of it otherwise. */
export function frameOf(window: Period, day: number | null): Period {
  if (day === null) return window;
  const clamped = Math.min(Math.max(0, Math.round(day)), playbackDays(window) - 1);
  const from = window.from + clamped * dayMs;
  return { from, to: Math.min(window.to, from + dayMs) };
}

/** The next frame while playing; null once the last day has been shown. */
export function nextDay(window: Period, day: number | null): number | null {
  const next = day === null ? 0 : day + 1;
  return next < playbackDays(window) ? next : null;
}

/** Milliseconds each day stays on screen at a speed. */
export const frameMs = (speed: PlaybackSpeed): number => 1000 / speed;
