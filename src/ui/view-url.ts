import { parseUnitId, type UnitId } from '../domain/ids';
import { caseCategories, caseChannels, type CaseCategory, type CaseChannel } from '../domain/case';

/*
 * Pure mapping between a URL and the view it describes. Kept free of React and of window so it is unit-tested
 * directly and a copied link always reproduces the same view.
 */
export type Mode = 'dashboard' | 'wall' | 'planner';
export const windowPresets = ['today', '7d', '30d', '90d', '365d', 'custom'] as const;
export type WindowPreset = (typeof windowPresets)[number];

export interface TimeWindow {
  preset: WindowPreset;
  /** Local calendar days YYYY-MM-DD, inclusive; only for 'custom'. */
  from?: string;
  to?: string;
}

export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  mode: Mode;
  /** The focused unit (region or grid id), parsed once from `?region=`; null is the whole city. */
  region: UnitId | null;
  /** The selected grid, whose detail panel is open. */
  selected: string | null;
  window: TimeWindow;
  layers: ReadonlySet<string>;
  map: MapView | null;
  /** The indicator that colours the focused unit's children on the map (a choropleth), if any. */
  indicator: string | null;
  /** A second unit to compare with the focused one, side by side ('previous' compares with the previous period). */
  compare: string | null;
  /**
   * Case categories and channels the view is narrowed to (empty = all): shared by the review's breakdown charts
   * (a click sets them) and the cases heatmap, counts and lists (which obey them), so charts and map filter each
   * other without either feature knowing the other.
   */
  categories: ReadonlySet<CaseCategory>;
  channels: ReadonlySet<CaseChannel>;
}

export const defaultLayers: ReadonlySet<string> = new Set(['grids', 'cameras', 'stations']);
const defaultWindow: TimeWindow = { preset: '30d' };
const day = /^\d{4}-\d{2}-\d{2}$/;

function modeOf(pathname: string): Mode {
  const last = pathname.replace(/\/+$/, '').split('/').pop();
  return last === 'wall' || last === 'planner' ? last : 'dashboard';
}

function parseWindow(params: URLSearchParams): TimeWindow {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && day.test(from) && day.test(to) && from <= to) return { preset: 'custom', from, to };
  const preset = params.get('window');
  const known = windowPresets.find((candidate) => candidate === preset && candidate !== 'custom');
  return known ? { preset: known } : defaultWindow;
}

function parseMap(value: string | null): MapView | null {
  if (!value) return null;
  const [lng, lat, zoom] = value.split(',').map(Number);
  if (lng === undefined || lat === undefined || zoom === undefined) return null;
  if (![lng, lat, zoom].every(Number.isFinite)) return null;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 24) return null;
  return { lng, lat, zoom };
}

/** A comma list of known codes; unknown ones (an old or hand-edited link) are dropped. */
function parseCodes<T extends string>(value: string | null, dictionary: readonly T[]): ReadonlySet<T> {
  const codes = new Set<T>();
  for (const part of value?.split(',') ?? []) {
    const known = dictionary.find((code) => code === part);
    if (known) codes.add(known);
  }
  return codes;
}

export function parseView(location: Pick<Location, 'pathname' | 'search'>): ViewState {
  const params = new URLSearchParams(location.search);
  const layers = params.get('layers');
  return {
    mode: modeOf(location.pathname),
    region: parseUnitId(params.get('region')),
    selected: params.get('grid') || null,
    window: parseWindow(params),
    layers: layers === null ? defaultLayers : new Set(layers.split(',').filter(Boolean)),
    map: parseMap(params.get('map')),
    indicator: params.get('indicator') || null,
    compare: params.get('compare') || null,
    categories: parseCodes(params.get('category'), caseCategories),
    channels: parseCodes(params.get('channel'), caseChannels),
  };
}

const round = (value: number, digits: number): string => String(Number(value.toFixed(digits)));

/** The URL of a view. Unknown parameters of the current URL (e.g. ?config=) are kept. */
export function serializeView(view: ViewState, current: Pick<Location, 'pathname' | 'search'>): string {
  const params = new URLSearchParams(current.search);
  for (const key of [
    'region',
    'grid',
    'window',
    'from',
    'to',
    'layers',
    'map',
    'indicator',
    'compare',
    'category',
    'channel',
  ])
    params.delete(key);
  if (view.region) params.set('region', view.region);
  if (view.selected) params.set('grid', view.selected);
  if (view.window.preset === 'custom' && view.window.from && view.window.to) {
    params.set('from', view.window.from);
    params.set('to', view.window.to);
  } else if (view.window.preset !== defaultWindow.preset) {
    params.set('window', view.window.preset);
  }
  const layers = [...view.layers].sort();
  if (layers.join(',') !== [...defaultLayers].sort().join(',')) params.set('layers', layers.join(','));
  if (view.indicator) params.set('indicator', view.indicator);
  if (view.compare) params.set('compare', view.compare);
  if (view.categories.size > 0) params.set('category', [...view.categories].sort().join(','));
  if (view.channels.size > 0) params.set('channel', [...view.channels].sort().join(','));
  if (view.map) {
    params.set('map', `${round(view.map.lng, 5)},${round(view.map.lat, 5)},${round(view.map.zoom, 2)}`);
  }
  const base = current.pathname.replace(/\/(wall|planner)\/?$/, '/').replace(/\/+$/, '/') || '/';
  const path = view.mode === 'dashboard' ? base : `${base}${view.mode}`;
  const query = params.toString();
  return query ? `${path}?${query.replace(/%2C/g, ',')}` : path;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/**
 * `next` with every part that equals `previous`'s taken from `previous`: parsing makes new sets and objects on
 * every URL change, and a pan's moveend changes only `map`. Without this, each pan gave memos keyed on
 * `categories`, `channels`, `layers` or `window` new inputs, and the cases' filtered view over 1 M cases was
 * recomputed on every moveend: 160–450 ms of main thread per arrow-key step in the province pan's profile.
 */
export function shareUnchanged(previous: ViewState | undefined, next: ViewState): ViewState {
  if (!previous) return next;
  const window =
    previous.window.preset === next.window.preset &&
    previous.window.from === next.window.from &&
    previous.window.to === next.window.to
      ? previous.window
      : next.window;
  const map = previous.map && next.map && sameMap(previous.map, next.map) ? previous.map : next.map;
  return {
    ...next,
    window,
    map,
    layers: sameSet(previous.layers, next.layers) ? previous.layers : next.layers,
    categories: sameSet(previous.categories, next.categories) ? previous.categories : next.categories,
    channels: sameSet(previous.channels, next.channels) ? previous.channels : next.channels,
  };
}

function sameMap(a: MapView, b: MapView): boolean {
  return a.lng === b.lng && a.lat === b.lat && a.zoom === b.zoom;
}
