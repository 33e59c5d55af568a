import './assessment.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSource } from '../../../../data/data-source-context';
import { dataQueries } from '../../../../data/queries';
import { formatChinaDay } from '../../../../domain/china-time';
import { assessmentParts, patrolMetres, scoreOf } from '../../../../domain/worker-assessment';
import { formatCount, formatRatio } from '../../../../ui/format';
import { useToday } from '../../../../ui/use-today';
import type { NamedScorecard } from './use-assessment';
import type { AssessmentWeights } from '../../../../domain/worker-assessment';
import { WeightsNote } from './weights-note';

const fraction = (ratio: { numerator: number; denominator: number }) =>
  `${ratio.numerator}/${ratio.denominator}`;

/** Today's patrol distance of a worker, from the day's track (not scored: worker-assessment.ts). */
function TodaysPatrol({ workerId }: { workerId: string }) {
  const { t } = useTranslation('review');
  const source = useDataSource();
  const track = useQuery({
    ...dataQueries.workerTrack(source, { workerId, date: formatChinaDay(useToday()) }),
    retry: 1,
  });
  const value = track.data
    ? t('assessment.km', { value: (patrolMetres(track.data.points) / 1000).toFixed(1) })
    : track.isError
      ? t('noData')
      : t('loading');
  return (
    <div>
      <dt>{t('assessment.patrolToday')}</dt>
      <dd data-testid="scorecard-patrol-today">{value}</dd>
    </div>
  );
}

/**
 * One grid's or worker's scorecard: each part's rate and what it divides by, the weighted score and the weights
 * it used. Opened from a ranking row and from the map's grid panel.
 */
export function ScorecardDialog({
  entry,
  weights,
  onClose,
}: {
  entry: NamedScorecard;
  weights: AssessmentWeights;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('review');
  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);
  const { card } = entry;
  const score = scoreOf(card, weights);
  return (
    <div
      className="scorecard"
      role="dialog"
      aria-label={t('assessment.scorecard', { name: entry.name })}
      data-testid="scorecard"
      data-id={entry.id}
      data-reported={card.reported}
      data-closed={card.closed}
      data-patrol={fraction(card.parts.patrolShare)}
      data-settled-in-grid={fraction(card.parts.settledInGrid)}
      data-on-time={fraction(card.parts.onTime)}
      data-satisfaction={fraction(card.parts.satisfaction)}
      data-score={score === null ? '' : score.toFixed(1)}
    >
      <header>
        <h3>{t('assessment.scorecard', { name: entry.name })}</h3>
        <button type="button" onClick={onClose} aria-label={t('assessment.close')}>
          ×
        </button>
      </header>
      {entry.detail && <p className="scorecard__detail">{entry.detail}</p>}
      <p className="scorecard__score">
        {t('assessment.score')}: <strong>{score === null ? t('noData') : score.toFixed(1)}</strong>
      </p>
      <dl>
        <div>
          <dt>{t('assessment.reported')}</dt>
          <dd>{formatCount(card.reported, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('assessment.closed')}</dt>
          <dd>{formatCount(card.closed, i18n.language)}</dd>
        </div>
        {assessmentParts.map((part) => {
          const text = formatRatio(card.parts[part], i18n.language);
          return (
            <div key={part}>
              <dt>{t(`assessment.part.${part}`)}</dt>
              <dd>
                {text.rate ?? t('noData')} · {text.fraction}
              </dd>
            </div>
          );
        })}
        {entry.kind === 'worker' && <TodaysPatrol workerId={entry.id} />}
      </dl>
      <WeightsNote weights={weights} />
    </div>
  );
}
