import { useTranslation } from 'react-i18next';
import { assessmentParts, type AssessmentWeights } from '../../../../domain/assessment-weights';

/** The score's weights as the configuration sets them (`assessment.weights`), stated wherever a score is shown. */
export function WeightsNote({ weights }: { weights: AssessmentWeights }) {
  const { t } = useTranslation('review');
  const total = assessmentParts.reduce((sum, part) => sum + weights[part], 0);
  const parts = assessmentParts
    .filter((part) => weights[part] > 0)
    .map((part) => `${t(`assessment.part.${part}`)} ${Math.round((100 * weights[part]) / total)}%`);
  return (
    <p className="scorecard__weights" data-testid="assessment-weights">
      {t('assessment.weights', { parts: parts.join(' + ') })}
    </p>
  );
}
