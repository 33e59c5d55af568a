import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCollection } from '../../contract/schemas/contract.schema';
import { publicCaseText } from './public-text';
import { useFormatTime } from '../../ui/time-format';

const titleCharacters = 12;

/**
 * The newest cases, one per line: time, kind, step and a shortened, masked title. Only category and step are
 * shown beside the title: no grid worker, no address, no caller.
 */
export function WallTicker({ cases, rows }: { cases: CaseCollection | undefined; rows: number }) {
  const { t } = useTranslation('wall');
  const formatTime = useFormatTime();
  const latest = useMemo(
    () =>
      [...(cases?.features ?? [])]
        .sort((a, b) => Date.parse(b.properties.reportedAt) - Date.parse(a.properties.reportedAt))
        .slice(0, rows),
    [cases, rows],
  );
  return (
    <section className="wall-ticker" aria-label={t('ticker.title')}>
      <h2 className="wall-panel__title">{t('ticker.title')}</h2>
      <ol className="wall-ticker__rows" aria-live="off">
        {latest.map((feature) => {
          const { properties } = feature;
          return (
            <li key={properties.id} className="wall-ticker__row" data-case={properties.id}>
              <p className="wall-ticker__meta">
                <time dateTime={properties.reportedAt}>{formatTime(properties.reportedAt, 'clock')}</time>
                <span className={`wall-ticker__category wall-ticker__category--${properties.category}`}>
                  {t(`category.${properties.category}`)}
                </span>
                <span className="wall-ticker__status">{t(`status.${properties.status}`)}</span>
              </p>
              <p className="wall-ticker__title">{publicCaseText(properties.title, titleCharacters)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
