import type { CaseViewFilters } from '../../../live/use-case-view';
import type { CaseAggregation } from '../../../map/cases/case-layers';

/** What the leader chose in the cases panel: the view's filters and how the heat is drawn. */
export interface CaseFilterState extends CaseViewFilters {
  aggregation: CaseAggregation;
}

export const initialCaseFilters: CaseFilterState = {
  stages: new Set(),
  categories: new Set(),
  channels: new Set(),
  overdueOnly: false,
  weight: 'all',
  aggregation: 'heatmap',
};

export function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}
