import { useEffect, useState } from 'react';
import { chinaDayStart } from '../domain/china-time';

/**
 * The start of today (China time) as state that rolls over at midnight, so an always-on screen moves its time
 * window to the new day without a reload, and renders stay pure (no clock reads during render).
 */
export function useToday(): number {
  const [today, setToday] = useState(() => chinaDayStart(Date.now()));
  useEffect(() => {
    const untilTomorrow = today + 86_400_000 - Date.now();
    const timer = window.setTimeout(
      () => setToday(chinaDayStart(Date.now())),
      Math.max(1000, untilTomorrow + 1000),
    );
    return () => window.clearTimeout(timer);
  }, [today]);
  return today;
}
