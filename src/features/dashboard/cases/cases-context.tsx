import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { resolveWindow } from '../../../domain/time-window';
import { useToday } from '../../../ui/use-today';
import { useViewState } from '../../../ui/view-state';
import { useFocus } from '../review/use-focus';
import { initialCaseFilters, type CaseFilterState } from './case-filter-state';
import { useCaseView, type CaseView } from './use-case-view';
import { useHotspots } from '../../../ui/use-hotspots';
import { useLiveCases, type LiveCaseData } from './use-live-cases';
import { useNow } from '../../../ui/use-now';
import { usePlayback, type Playback } from './use-playback';

/**
 * One place for the live cases of the dashboard: the map's case layers and the cases panel read the same
 * filtered view, so the heat, the counts and the lists never disagree. Data is loaded only while cases are in
 * use (the layer is on or the panel is open).
 */
export interface CasesWorkspace {
  active: boolean;
  filters: CaseFilterState;
  setFilters: (filters: CaseFilterState) => void;
  playback: Playback;
  live: LiveCaseData;
  view: CaseView;
  hotspots: ReturnType<typeof useHotspots>;
  selectedCase: string | null;
  selectCase: (id: string | null) => void;
  /** The grid worker whose patrol today the map draws (chosen in the case detail), or null. */
  trackedWorker: string | null;
  trackWorker: (id: string | null) => void;
  now: number;
}

const CasesContext = createContext<CasesWorkspace | null>(null);

export function CasesProvider({ panelOpen, children }: { panelOpen: boolean; children: ReactNode }) {
  const [urlView, setView] = useViewState();
  const today = useToday();
  const now = useNow(30_000);
  const active = panelOpen || urlView.layers.has('cases');
  const period = useMemo(() => resolveWindow(urlView.window, today), [urlView.window, today]);
  // Categories and channels live in the URL, shared with the review's breakdown charts; the rest is this tab's.
  const [ownFilters, setOwnFilters] = useState(initialCaseFilters);
  const filters = useMemo<CaseFilterState>(
    () => ({ ...ownFilters, categories: urlView.categories, channels: urlView.channels }),
    [ownFilters, urlView.categories, urlView.channels],
  );
  const setFilters = useCallback(
    (next: CaseFilterState) => {
      setOwnFilters(next);
      setView({ categories: next.categories, channels: next.channels }, { replace: true });
    },
    [setView],
  );
  const [selectedCase, selectCase] = useState<string | null>(null);
  const [trackedWorker, trackWorker] = useState<string | null>(null);
  const playback = usePlayback(period);
  const gridsInRegion = useFocus()?.gridIds ?? null;
  const live = useLiveCases(period, active);
  const view = useCaseView(live.snapshot, filters, playback.frame, gridsInRegion, now);
  const hotspots = useHotspots(active, now, gridsInRegion);
  const value = useMemo<CasesWorkspace>(
    () => ({
      active,
      filters,
      setFilters,
      playback,
      live,
      view,
      hotspots,
      selectedCase,
      selectCase,
      trackedWorker,
      trackWorker,
      now,
    }),
    [active, filters, setFilters, playback, live, view, hotspots, selectedCase, trackedWorker, now],
  );
  return <CasesContext.Provider value={value}>{children}</CasesContext.Provider>;
}

export function useCasesWorkspace(): CasesWorkspace {
  const workspace = useContext(CasesContext);
  if (!workspace) throw new Error('useCasesWorkspace must be used inside <CasesProvider>');
  return workspace;
}
