import { useEffect, useState } from 'react';

/** The current time, ticking once a second (the clock is the wall's proof of life from across the room). */
export function useWallClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** hh:mm(:ss) in China time, whatever the display machine's own zone (as the time windows are). */
export function chinaTimeFormat(language: string, seconds: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
}
