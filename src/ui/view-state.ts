import { useCallback, useSyncExternalStore } from 'react';
import { parseView, serializeView, shareUnchanged, type ViewState } from './view-url';

export type { ViewState, TimeWindow, WindowPreset } from './view-url';
export { defaultLayers } from './view-url';

/**
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
