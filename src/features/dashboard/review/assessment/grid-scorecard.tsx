import { useTranslation } from 'react-i18next';
import { emptyScorecard } from '../../../../domain/worker-assessment';
import { useFocus } from '../use-focus';
import { useReviewCases } from '../use-review-cases';
import { useReviewPeriod } from '../use-review-period';
import { ScorecardDialog } from './scorecard-dialog';
import { useAssessment } from './use-assessment';

/**
 * A grid's scorecard opened from the map's grid panel: the review's own cases (the same query, so the same answer
 * the ranking counts), for the review's window. A grid with no case there gets an empty card, said so.
 */
export default function GridScorecard({
  gridId,
  name,
  onClose,
}: {
  gridId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('review');
  const reviewCases = useReviewCases(useFocus(), useReviewPeriod());
  const assessment = useAssessment(reviewCases.inGrids, false);
  if (!assessment.grids)
    return (
      <div className="scorecard" role="dialog" aria-label={t('assessment.scorecard', { name })}>
        <p className="review__loading">{t('loading')}</p>
      </div>
    );
  const entry = assessment.grids.find((grid) => grid.id === gridId) ?? {
    kind: 'grid' as const,
    id: gridId,
    name,
    detail: t('assessment.outside'),
    card: emptyScorecard(),
  };
  return <ScorecardDialog entry={entry} weights={assessment.weights} onClose={onClose} />;
}
