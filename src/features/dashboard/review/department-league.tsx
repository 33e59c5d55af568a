import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentLeague } from '../../../domain/department-league';
import type { DepartmentId } from '../../../domain/department';
import type { DepartmentFigures } from '../../../domain/settlement';
import { formatCount, formatPercent } from '../../../ui/format';
import { useDepartmentName } from '../department-names';
import { MinimumCasesPicker } from './rankings';

const hourMs = 3_600_000;

interface DepartmentLeagueProps {
  /** The focused unit's departments for the review period (`/indicators`' `departments`). */
  departments: readonly DepartmentFigures[];
  /** Show the department's overdue cases on the map. */
  onDrill: (department: DepartmentId) => void;
}

/**
 * 部门红黑榜: the departments ranked on their on-time rate, then the shorter median handling time
 * (src/domain/department-league.ts), those under the chosen number of closed cases left out and said so. Loaded
 * on its own (React.lazy in review-panel.tsx): the review's first screen does not wait for it.
 */
export default function DepartmentLeague({ departments, onDrill }: DepartmentLeagueProps) {
  const { t, i18n } = useTranslation('review');
  const name = useDepartmentName();
  const [minimumCases, setMinimumCases] = useState(10);
  const league = departmentLeague(departments, minimumCases);
  const hours = (ms: number | null) =>
    ms === null ? t('noData') : t('league.hours', { value: (ms / hourMs).toFixed(1) });
  return (
    <section className="rankings department-league" aria-label={t('league.title')}>
      <h2>{t('league.title')}</h2>
      <div className="rankings__controls">
        <MinimumCasesPicker value={minimumCases} onChange={setMinimumCases} />
      </div>
      <p className="rankings__excluded" data-testid="league-threshold">
        {t('league.threshold', { minimum: minimumCases })}
      </p>
      {league.rows.length === 0 ? (
        <p className="rankings__empty">{t('league.empty')}</p>
      ) : (
        <table className="ranking department-league__table">
          <thead>
            <tr>
              <th scope="col">{t('ranking.rank')}</th>
              <th scope="col">{t('league.department')}</th>
              <th scope="col">{t('indicator.onTimeRate')}</th>
              <th scope="col">{t('league.medianTime')}</th>
              <th scope="col">{t('league.closed')}</th>
              <th scope="col">{t('league.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {league.rows.map(({ figures, onTime, rank }) => (
              <tr
                key={figures.department}
                data-department={figures.department}
                data-on-time={`${figures.onTimeRate.numerator}/${figures.onTimeRate.denominator}`}
                data-median-ms={figures.medianHandlingMs ?? ''}
                data-overdue={figures.overdueCases}
              >
                <td>{rank}</td>
                <td>
                  <button
                    type="button"
                    className="ranking__drill"
                    title={t('league.drill')}
                    onClick={() => onDrill(figures.department)}
                  >
                    {name(figures.department)}
                  </button>
                </td>
                <td>{formatPercent(onTime, i18n.language)}</td>
                <td>{hours(figures.medianHandlingMs)}</td>
                <td>{formatCount(figures.onTimeRate.denominator, i18n.language)}</td>
                <td>{formatCount(figures.overdueCases, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {league.excluded.length > 0 && (
        <p className="rankings__excluded">
          {t('league.excluded', {
            names: league.excluded.map((figures) => name(figures.department)).join('、'),
            minimum: minimumCases,
          })}
        </p>
      )}
    </section>
  );
}
