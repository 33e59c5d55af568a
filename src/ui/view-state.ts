import { useCallback, useSyncExternalStore } from 'react';
import { parseView, serializeView, shareUnchanged, type ViewState } from './view-url';

export type { ViewState, TimeWindow, WindowPreset } from './view-url';

/** The view without the map's position: what every panel but the map itself reads. */
export type ViewSettings = Omit<ViewState, 'map'>;
export { defaultLayers } from './view-url';

/*
 * The URL is the single source of the view (mode, region, selection, time window, layers, map view): a link
 * reproduces what a leader saw, and back/forward walk through views. Components read it with useViewState.
 */
const changeEvent = 'gridboard:view-change';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

// Parsing is cached per URL so useSyncExternalStore sees a stable snapshot between changes, and a new URL keeps
// the previous snapshot's unchanged parts, so a pan (only `map` changes) leaves every other memo's inputs alone.
let cachedHref = '';
let cachedView: ViewState | undefined;
function snapshot(): ViewState {
  const href = window.location.href;
  if (cachedView === undefined || href !== cachedHref) {
    cachedHref = href;
    cachedView = shareUnchanged(cachedView, parseView(window.location));
  }
  return cachedView;
}

// The settings' snapshot changes only when a setting does, so a pan (one URL change per moveend) re-renders the
// map's readers alone, not the app, the header and the review's charts: in the province pan's profile, re-rendering
// them (Recharts above all) took 50–120 ms per arrow-key step.
let settingsOf: ViewState | undefined;
let cachedSettings: ViewSettings | undefined;
function settingsSnapshot(): ViewSettings {
  const view = snapshot();
  if (view === settingsOf && cachedSettings) return cachedSettings;
  settingsOf = view;
  const settings: Partial<ViewState> = { ...view };
  delete settings.map;
  const next = settings as ViewSettings;
  const keys = Object.keys(next) as (keyof ViewSettings)[];
  if (!cachedSettings || keys.some((key) => cachedSettings?.[key] !== next[key])) cachedSettings = next;
  return cachedSettings;
}

export interface SetViewOptions {
  /** Replace the history entry instead of adding one (continuous map moves shouldn't flood back/forward). */
  replace?: boolean;
}

export function navigateView(patch: Partial<ViewState>, options: SetViewOptions = {}): void {
  const next = { ...snapshot(), ...patch };
  const url = serializeView(next, window.location);
  if (url === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(changeEvent));
}

export function useViewState(): [ViewState, (patch: Partial<ViewState>, options?: SetViewOptions) => void] {
  const view = useSyncExternalStore(subscribe, snapshot);
  const setView = useCallback(
    (patch: Partial<ViewState>, options?: SetViewOptions) => navigateView(patch, options),
    [],
  );
  return [view, setView];
}

/** As useViewState, without the map's position: a component that uses it does not re-render on a pan. */
export function useViewSettings(): [
  ViewSettings,
  (patch: Partial<ViewState>, options?: SetViewOptions) => void,
] {
  const settings = useSyncExternalStore(subscribe, settingsSnapshot);
  const setView = useCallback(
    (patch: Partial<ViewState>, options?: SetViewOptions) => navigateView(patch, options),
    [],
  );
  return [settings, setView];
}
