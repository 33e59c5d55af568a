import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format';
import './layer-notice.css';

/**
 * The two things every place that counts cases says beside its figures, in the same words wherever it says them
 * (the cases tab, the KPI cards, the rankings, the map's legend): how many of the city's cases lie outside every
 * grid and so count in no figure (src/domain/outside-grids.ts), and that the figures are a lower bound because the
 * source cut some answers at its cap (an Open311 second at `maxRequestsPerCall`).
 */

interface OutsideGridsNoteProps {
  /** Where the note stands, for tests and styles: 'cases', 'kpi', 'ranking', 'map'. */
  place: string;
  count: number;
  /** The bucket's cases, listed on demand (the cases tab). */
  children?: ReactNode;
}

/** Nothing when no case lies outside the grids. */
export function OutsideGridsNote({ place, count, children }: OutsideGridsNoteProps) {
  const { t, i18n } = useTranslation('common');
  if (count === 0) return null;
  return (
    <div role="note" className="layer-notice outside-grids" data-place={place} data-outside-grids={count}>
      <p>{t('outsideGrids.note', { count, formatted: formatCount(count, i18n.language) })}</p>
      {children && (
        <details>
          <summary>{t('outsideGrids.show', { count })}</summary>
          {children}
        </details>
      )}
    </div>
  );
}

interface IncompleteNoteProps {
  place: string;
  /** src/data/incompleteness.ts, read structurally (ui sits below data); nothing when the source gave everything. */
  incomplete: { cap: number; cappedCalls: number } | undefined;
}

export function IncompleteNote({ place, incomplete }: IncompleteNoteProps) {
  const { t, i18n } = useTranslation('common');
  if (!incomplete) return null;
  return (
    <p role="note" className="layer-notice" data-place={place} data-incomplete={incomplete.cappedCalls}>
      {t('incomplete', {
        seconds: formatCount(incomplete.cappedCalls, i18n.language),
        cap: formatCount(incomplete.cap, i18n.language),
        atLeast: formatCount(incomplete.cap * incomplete.cappedCalls, i18n.language),
      })}
    </p>
  );
}
