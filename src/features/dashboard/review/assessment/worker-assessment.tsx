import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentParts, rankScorecards } from '../../../../domain/worker-assessment';
import type { CaseProperties } from '../../../../domain/case';
import { rateOf } from '../../../../domain/ratio';
import { csvText, downloadText } from '../../../../ui/csv';
import { formatCount, formatPercent, formatPublicCount } from '../../../../ui/format';
import { useRuntimeConfig } from '../../../../ui/runtime-config-context';
import { MinimumCasesPicker } from '../rankings';
import { ScorecardDialog } from './scorecard-dialog';
import { useAssessment, type NamedScorecard } from './use-assessment';
import { WeightsNote } from './weights-note';

/** Rows on screen (and on paper); the CSV holds every one ranked. */
const shownRows = 10;

/**
 * 网格员考核: grids or workers ranked on the weighted score of their scorecards for the review's window
 * (src/domain/worker-assessment.ts), those under the chosen number of closed cases left out and counted, the weights
 * stated. A row opens its scorecard. Loaded on its own (React.lazy in review-panel.tsx).
 */
export default function WorkerAssessment({
  cases,
  fileName,
}: {
  /** The review period's cases in the focused unit's grids (use-review-cases.ts). */
  cases: readonly CaseProperties[] | undefined;
  /** The CSV's name, without extension. */
  fileName: string;
}) {
  const { t, i18n } = useTranslation('review');
  const { privacy } = useRuntimeConfig();
  const assessment = useAssessment(cases);
  const [by, setBy] = useState<'grid' | 'worker'>('grid');
  const [minimumCases, setMinimumCases] = useState(10);
  const [open, setOpen] = useState<NamedScorecard | null>(null);
  const entries = by === 'grid' ? assessment.grids : assessment.workers;
  // A public view ranks none under the count it would show as "<N" (privacy.minimumCount).
  const threshold = privacy.maskPersonalData ? Math.max(minimumCases, privacy.minimumCount) : minimumCases;
  const ranked = rankScorecards(
    (entries ?? []).map((entry) => ({ id: entry.id, card: entry.card })),
    assessment.weights,
    threshold,
  );
  const entryOf = new Map((entries ?? []).map((entry) => [entry.id, entry]));
  const count = (value: number) =>
    privacy.maskPersonalData
      ? formatPublicCount(value, privacy.minimumCount, i18n.language)
      : formatCount(value, i18n.language);
  const percent = (ratio: { numerator: number; denominator: number }) =>
    formatPercent(rateOf(ratio), i18n.language) ?? t('noData');

  const exportCsv = () => {
    const header = [
      t('ranking.rank'),
      t(by === 'grid' ? 'assessment.grid' : 'assessment.worker'),
      t(by === 'grid' ? 'assessment.code' : 'assessment.grids'),
      t('assessment.score'),
      t('assessment.reported'),
      t('assessment.closed'),
      ...assessmentParts.flatMap((part) => [
        t(`assessment.part.${part}`),
        `${t(`assessment.part.${part}`)} (${t('assessment.fraction')})`,
      ]),
    ];
    const rows = ranked.rows.map(({ id, card, score, rank }) => {
      const entry = entryOf.get(id);
      return [
        rank,
        entry?.name ?? id,
        entry?.detail ?? '',
        score.toFixed(1),
        card.reported,
        card.closed,
        ...assessmentParts.flatMap((part) => {
          const rate = rateOf(card.parts[part]);
          return [
            rate === null ? '' : (100 * rate).toFixed(1),
            `${card.parts[part].numerator}/${card.parts[part].denominator}`,
          ];
        }),
      ];
    });
    downloadText(`${fileName}-${by}.csv`, csvText([header, ...rows]));
  };

  return (
    <section className="worker-assessment" aria-label={t('assessment.title')}>
      <h2>{t('assessment.title')}</h2>
      <div className="rankings__controls">
        <label>
          {t('assessment.by')}
          <select value={by} onChange={(event) => setBy(event.target.value === 'worker' ? 'worker' : 'grid')}>
            <option value="grid">{t('assessment.grid')}</option>
            <option value="worker" disabled={assessment.noRoster}>
              {t('assessment.worker')}
            </option>
          </select>
        </label>
        <MinimumCasesPicker value={minimumCases} onChange={setMinimumCases} />
        <button type="button" onClick={exportCsv} disabled={ranked.rows.length === 0}>
          {t('assessment.csv')}
        </button>
      </div>
      <WeightsNote weights={assessment.weights} />
      {entries === undefined ? (
        <p className="review__loading">
          {t(by === 'worker' && assessment.noRoster ? 'assessment.noRoster' : 'loading')}
        </p>
      ) : ranked.rows.length === 0 ? (
        <p className="rankings__empty">{t('assessment.empty')}</p>
      ) : (
        <table className="ranking worker-assessment__table">
          <thead>
            <tr>
              <th scope="col">{t('ranking.rank')}</th>
              <th scope="col">{t(by === 'grid' ? 'assessment.grid' : 'assessment.worker')}</th>
              <th scope="col">{t('assessment.score')}</th>
              <th scope="col">{t('assessment.part.onTime')}</th>
              <th scope="col">{t('assessment.part.satisfaction')}</th>
              <th scope="col">{t('assessment.closed')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.rows.slice(0, shownRows).map(({ id, card, score, rank }) => {
              const entry = entryOf.get(id);
              return (
                <tr key={id} data-id={id} data-score={score.toFixed(1)}>
                  <td>{rank}</td>
                  <td>
                    <button
                      type="button"
                      className="ranking__drill"
                      title={t('assessment.open')}
                      onClick={() => entry && setOpen(entry)}
                    >
                      {entry?.name ?? id}
                    </button>
                  </td>
                  <td>{score.toFixed(1)}</td>
                  <td>{percent(card.parts.onTime)}</td>
                  <td>{percent(card.parts.satisfaction)}</td>
                  <td>{count(card.closed)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="rankings__excluded" data-testid="assessment-threshold">
        {t('assessment.threshold', {
          shown: Math.min(shownRows, ranked.rows.length),
          ranked: ranked.rows.length,
          excluded: ranked.excluded,
          minimum: threshold,
        })}
      </p>
      {open && <ScorecardDialog entry={open} weights={assessment.weights} onClose={() => setOpen(null)} />}
    </section>
  );
}
