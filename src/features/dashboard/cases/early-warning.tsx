import { useTranslation } from 'react-i18next';
import { defaultHotspotRule } from '../../../domain/hotspots';
import { useViewState } from '../../../ui/view-state';
import type { Hotspot } from '../../../ui/use-hotspots';

/** The grids flagged by the early-warning rule, worst first, with the rule itself in words. */
export function EarlyWarning({ hotspots, isPending }: { hotspots: readonly Hotspot[]; isPending: boolean }) {
  const { t } = useTranslation('cases');
  const [, setView] = useViewState();
  const rule = defaultHotspotRule;
  return (
    <section className="case-warning" aria-label={t('warning.title')} data-testid="early-warning">
      <h3>{t('warning.title')}</h3>
      <p className="case-warning__rule">
        {t('warning.rule', {
          minimum: rule.minimumCases,
          weeks: rule.baselineWeeks,
          sigmas: rule.sigmas,
          ratio: rule.minimumRatio,
        })}
      </p>
      {isPending ? (
        <p className="case-list__empty">{t('warning.loading')}</p>
      ) : hotspots.length === 0 ? (
        <p className="case-list__empty">{t('warning.empty')}</p>
      ) : (
        <ol>
          {hotspots.map((hotspot) => (
            <li key={hotspot.gridId} data-grid-id={hotspot.gridId}>
              <button
                type="button"
                className="case-list__item"
                onClick={() => setView({ selected: hotspot.gridId })}
              >
                <span className="case-list__title">{hotspot.gridName}</span>
                <span className="case-list__meta">
                  {t('warning.row', {
                    last: hotspot.verdict.lastWeek,
                    baseline: hotspot.verdict.baselinePerWeek.toFixed(1),
                  })}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
