import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitId } from '../../../domain/ids';
import { isRate } from '../../../domain/indicator-registry';
import { rankableIndicators, rankUnits, type RankableIndicator } from '../../../domain/ranking';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';
import { OutsideGridsNote } from '../../../ui/figure-notes';
import { formatCount, formatPercent } from '../../../ui/format';
import { useViewSettings } from '../../../ui/view-state';

type Child = IndicatorsResponse['children'][number];
const minimumCasesChoices = [1, 5, 10, 20, 50];

/** The minimum number of closed cases to be ranked, for units and departments alike. */
export function MinimumCasesPicker({ value, onChange }: { value: number; onChange: (next: number) => void }) {
  const { t } = useTranslation('review');
  return (
    <label>
      {t('ranking.minimumCases')}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {minimumCasesChoices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}

/** 红黑榜: the best and worst child units by an indicator; a row drills into its unit. */
export function Rankings({ units, outsideGrids }: { units: Child[]; outsideGrids: number }) {
  const { t, i18n } = useTranslation('review');
  const [, setView] = useViewSettings();
  const [indicator, setIndicator] = useState<RankableIndicator>('resolutionRate');
  const [minimumCases, setMinimumCases] = useState(10);
  const ranking = rankUnits(units, indicator, { minimumCases, size: 5 });
  const show = (value: number) =>
    isRate(indicator) ? (formatPercent(value, i18n.language) ?? '') : formatCount(value, i18n.language);
  const table = (kind: 'best' | 'worst') => (
    <table className={`ranking ranking--${kind}`}>
      <caption>{t(`ranking.${kind}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ranking.rank')}</th>
          <th scope="col">{t('ranking.unit')}</th>
          <th scope="col">{t(`indicator.${indicator}`)}</th>
        </tr>
      </thead>
      <tbody>
        {ranking[kind].map((entry) => (
          <tr key={entry.unit.id}>
            <td>{entry.rank}</td>
            <td>
              <button
                type="button"
                className="ranking__drill"
                onClick={() => setView({ region: unitId(entry.unit.id), selected: null })}
              >
                {entry.unit.name}
              </button>
            </td>
            <td>{show(entry.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="rankings" aria-label={t('ranking.title')}>
      <h2>{t('ranking.title')}</h2>
      <div className="rankings__controls">
        <label>
          {t('ranking.by')}
          <select
            value={indicator}
            onChange={(event) => {
              const chosen = rankableIndicators.find((candidate) => candidate === event.target.value);
              if (chosen) setIndicator(chosen);
            }}
          >
            {rankableIndicators.map((key) => (
              <option key={key} value={key}>
                {t(`indicator.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <MinimumCasesPicker value={minimumCases} onChange={setMinimumCases} />
      </div>
      {units.length === 0 ? (
        <p className="rankings__empty">{t('ranking.noChildren')}</p>
      ) : (
        <div className="rankings__tables">
          {table('best')}
          {table('worst')}
        </div>
      )}
      {/* In no unit, so in no row: the city's cases outside every grid, counted apart. */}
      <OutsideGridsNote place="ranking" count={outsideGrids} />
      {ranking.excluded.length > 0 && (
        <p className="rankings__excluded">
          {t('ranking.excluded', { count: ranking.excluded.length, minimum: minimumCases })}
        </p>
      )}
    </section>
  );
}
