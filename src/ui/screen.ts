import { useSyncExternalStore } from 'react';

/**
 * The screen classes the layout adapts to. The same widths are written in the stylesheets' media queries
 * (theme.css, dashboard-map.css, planner.css): a phone held upright (360–430 px, up to 600), and a tablet or a
 * small laptop, where the side panels narrow and the layer panel folds away. `screen` only: a printed briefing
 * (an A4 page is ~700 CSS px wide) keeps the desktop layout on its one page.
 */
export const phoneQuery = 'screen and (max-width: 600px)';
export const compactQuery = 'screen and (max-width: 1180px)';

/** How much of the phone's bottom sheet (tabs, breadcrumb, the KPI strip) shows over the map before it is pulled up. */
export const phoneSheetPeekPx = 240;

const matches = (query: string): boolean =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia(query).matches;

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matches(query),
    () => false,
  );
}

/** The screen class now, read once (e.g. to frame the map when it starts). */
export const isPhone = (): boolean => matches(phoneQuery);
export const isCompact = (): boolean => matches(compactQuery);
