/**
 * The parts of the grid worker assessment's score (src/domain/worker-assessment.ts) and their default weights, on
 * their own so that the runtime configuration's schema reads them without the assessment's code.
 */
export const assessmentParts = ['patrolShare', 'settledInGrid', 'onTime', 'satisfaction'] as const;
export type AssessmentPart = (typeof assessmentParts)[number];
export type AssessmentWeights = Record<AssessmentPart, number>;

/** The weights when the configuration names none (docs/configuration.md, `assessment.weights`). */
export const defaultAssessmentWeights: AssessmentWeights = {
  patrolShare: 0.2,
  settledInGrid: 0.2,
  onTime: 0.3,
  satisfaction: 0.3,
};
