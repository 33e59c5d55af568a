import { describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from '../domain/runtime-config';
import { formatInstant } from './time-format';

// 2026-11-22 01:05:09 UTC: 09:05 in Beijing, 20:05 the day before in New York. Run under TZ=UTC and
// TZ=America/New_York too: the answers must not move with the machine's zone.
const instant = Date.parse('2026-11-22T01:05:09Z');

describe('times shown in the configured zone', () => {
  it('formats every style in the configured zone, not the machine’s', () => {
    expect(formatInstant(instant, 'clock', 'zh-CN', 'Asia/Shanghai')).toBe('09:05');
    expect(formatInstant(instant, 'clockSeconds', 'zh-CN', 'Asia/Shanghai')).toBe('09:05:09');
    expect(formatInstant(instant, 'dayTime', 'zh-CN', 'Asia/Shanghai')).toBe('11/22 09:05');
    expect(formatInstant('2026-11-22T09:05:09+08:00', 'dateTime', 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026/11/22 09:05:09',
    );
    expect(formatInstant(instant, 'dayTime', 'zh-CN', 'America/New_York')).toBe('11/21 20:05');
    expect(formatInstant(Number.NaN, 'clock', 'zh-CN', 'Asia/Shanghai')).toBe('—');
  });

  it('takes timeZone from the runtime configuration, Asia/Shanghai by default, and refuses an unknown zone', () => {
    expect(runtimeConfigSchema.parse({ api: { baseUrl: '/api' } }).timeZone).toBe('Asia/Shanghai');
    expect(runtimeConfigSchema.parse({ api: { baseUrl: '/api' }, timeZone: 'Asia/Urumqi' }).timeZone).toBe(
      'Asia/Urumqi',
    );
    expect(
      runtimeConfigSchema.safeParse({ api: { baseUrl: '/api' }, timeZone: 'Mars/Olympus' }).success,
    ).toBe(false);
  });
});
