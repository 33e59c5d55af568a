import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The first screen's order: the map's grids first, the review panel's reads (indicators, the period's cases) after
 * the first complete map. On this kind of machine they compete for the same main thread (decoding, validating, the
 * mock's own work in demo mode), so fetched together they delay the map they sit beside. The panel never waits
 * longer than `panelWaitCapMs` for the map: a map that cannot draw (no WebGL, a failed page) holds nothing back.
 */
export const panelWaitCapMs = 10_000;

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
  const value = useMemo(() => ({ shown, markShown: () => setShown(true) }), [shown]);
  return <FirstMapContext.Provider value={value}>{children}</FirstMapContext.Provider>;
}

export const useFirstMap = (): FirstMap => useContext(FirstMapContext);
