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
