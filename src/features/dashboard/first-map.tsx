import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The first screen's order: the map's grids first, the review panel's reads (indicators, the period's cases) after
 * the first complete map. On this kind of machine they compete for the same main thread (decoding, validating, the
 * mock's own work in demo mode), so fetched together they delay the map they sit beside. A map that fails (its
 * boundary calls `markShown`) holds nothing back, and the panel never waits longer than `panelWaitCapMs` (a map
 * that cannot even start: no region outlines). Not shorter: on two busy cores a first map takes 20–30 s.
 */
export const panelWaitCapMs = 60_000;

interface FirstMap {
  /** The map has reported its first complete draw (or the cap has passed). */
  shown: boolean;
  markShown: () => void;
}

/** Outside a dashboard (a panel rendered on its own) nothing waits. */
const FirstMapContext = createContext<FirstMap>({ shown: true, markShown: () => undefined });

export function FirstMapProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    const cap = window.setTimeout(() => setShown(true), panelWaitCapMs);
    return () => window.clearTimeout(cap);
  }, [shown]);
  const markShown = useCallback(() => setShown(true), []);
  const value = useMemo(() => ({ shown, markShown }), [shown, markShown]);
  return <FirstMapContext.Provider value={value}>{children}</FirstMapContext.Provider>;
}

export const useFirstMap = (): FirstMap => useContext(FirstMapContext);
