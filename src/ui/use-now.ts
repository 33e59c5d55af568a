import { useEffect, useState } from 'react';

/** The current time as state, moving on every `stepMs`: "overdue" and the early-warning week follow the clock. */
export function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}
