import { useEffect, useState } from 'react';

/** One animation step of a pulse on the map (12.5 frames a second: smooth enough for a ring that grows and fades). */
const frameMs = 80;

/**
 * The time as state, ticking every animation step from the newest arrival (epoch ms, 0 for none) until its pulse
 * of `durationMs` ends; still otherwise.
 */
export function usePulseClock(newest: number, durationMs: number): number {
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    if (newest === 0) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setClock(now);
      if (now - newest >= durationMs) clearInterval(timer);
    }, frameMs);
    return () => clearInterval(timer);
  }, [newest, durationMs]);
  return clock;
}
