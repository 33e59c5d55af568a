import { useTranslation } from 'react-i18next';
import type { IndicatorsResponse } from '../../contract/schemas/contract.schema';
import { rateOf } from '../../domain/ratio';
import { formatPercent, formatPublicCount } from '../../ui/format';
import { publicCaseText } from './public-text';

const rows = 5;
const nameCharacters = 9;

/** The focused unit's children with the most open cases: where the work piles up right now. */
export function WallRanking({
  indicators,
  minimumCount,
}: {
  indicators: IndicatorsResponse | undefined;
  minimumCount: number;
}) {
  const { t, i18n } = useTranslation('wall');
  const children = [...(indicators?.children ?? [])]
    .sort((a, b) => b.figures.openCases - a.figures.openCases)
    .slice(0, rows);
  return (
    <section className="wall-ranking" aria-label={t('ranking.title')}>
      <h2 className="wall-panel__title">{t('ranking.title')}</h2>
      <div className="wall-ranking__head" aria-hidden="true">
        <span>{t('ranking.unit')}</span>
        <span>{t('ranking.open')}</span>
        <span>{t('ranking.resolution')}</span>
      </div>
      <ol className="wall-ranking__rows">
        {children.map((child) => (
          <li key={child.id} className="wall-ranking__row">
            <span className="wall-ranking__name">{publicCaseText(child.name, nameCharacters)}</span>
            <span className="wall-ranking__figure">
              {formatPublicCount(child.figures.openCases, minimumCount, i18n.language)}
            </span>
            <span className="wall-ranking__figure">
              {formatPercent(rateOf(child.figures.resolutionRate), i18n.language, 0) ?? t('noData')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
