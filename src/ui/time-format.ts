import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntimeConfig } from './runtime-config-context';

/**
 * The one home of "how a time is shown": every time on screen (header data time, wall clock, case lists, drafts,
 * briefings) is formatted in the configured zone (`timeZone`, default Asia/Shanghai), never the machine's own, so
 * a wall PC left on UTC and a laptop in New York show the command centre's time.
 */
export type TimeStyle = 'clock' | 'clockSeconds' | 'dayTime' | 'dateTime';

const styles: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  clockSeconds: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  dayTime: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dateTime: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
};

// A formatter costs far more to build than to use, and the wall clock formats every second.
const formats = new Map<string, Intl.DateTimeFormat>();

export function timeFormat(language: string, timeZone: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language, { ...styles[style], timeZone })));
  return format;
}

/** An instant (epoch ms or ISO 8601) as text in `timeZone`; "—" for no time. */
export function formatInstant(
  instant: number | string,
  style: TimeStyle,
  language: string,
  timeZone: string,
): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant;
  return Number.isFinite(ms) ? timeFormat(language, timeZone, style).format(ms) : '—';
}

/** `formatInstant` in the UI language and the configured zone. */
export function useFormatTime(): (instant: number | string, style: TimeStyle) => string {
  const { i18n } = useTranslation();
  const { timeZone } = useRuntimeConfig();
  const language = i18n.language;
  return useCallback(
    (instant, style) => formatInstant(instant, style, language, timeZone),
    [language, timeZone],
  );
}
