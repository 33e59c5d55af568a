import {
  caseCategories,
  caseChannels,
  caseStages,
  type CaseCategory,
  type CaseChannel,
  type CaseProperties,
  type CaseStage,
} from './case';

/** Counts of cases by category, by channel and by loop stage: the review's breakdown charts. */
export interface CaseBreakdown {
  byCategory: Record<CaseCategory, number>;
  byChannel: Record<CaseChannel, number>;
  byStage: Record<CaseStage, number>;
  total: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export function caseBreakdown(
  cases: Iterable<Pick<CaseProperties, 'category' | 'channel' | 'status'>>,
): CaseBreakdown {
  const breakdown: CaseBreakdown = {
    byCategory: zeros(caseCategories),
    byChannel: zeros(caseChannels),
    byStage: zeros(caseStages),
    total: 0,
  };
  for (const item of cases) {
    breakdown.byCategory[item.category] += 1;
    breakdown.byChannel[item.channel] += 1;
    breakdown.byStage[item.status] += 1;
    breakdown.total += 1;
  }
  return breakdown;
}
