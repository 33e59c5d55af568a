import { useEffect } from 'react';
import { msUntilNext } from './daily-reload';

/** Reload the page once a day at `wall.dailyReloadAt`, when configured. */
export function useDailyReload(at: string | undefined): void {
  useEffect(() => {
    if (!at) return;
    const wait = msUntilNext(at, new Date());
    if (wait === null) return;
    const timer = window.setTimeout(() => window.location.reload(), wait);
    return () => window.clearTimeout(timer);
  }, [at]);
}
