import type { CaseCategory, CaseChannel, CaseStage } from '../../../domain/case';
import type { DepartmentId } from '../../../domain/department';
import type { CaseWeight } from '../../../live/case-selection';
import type { CaseAggregation } from '../../../map/cases/case-layers';

/** What the leader chose in the cases panel (empty sets = no restriction). */
export interface CaseFilterState {
  stages: ReadonlySet<CaseStage>;
  categories: ReadonlySet<CaseCategory>;
  channels: ReadonlySet<CaseChannel>;
  overdueOnly: boolean;
  /** Set by the department league table's drill, named in a chip that clears it. */
  departments: ReadonlySet<DepartmentId>;
  weight: CaseWeight;
  aggregation: CaseAggregation;
}

export const initialCaseFilters: CaseFilterState = {
  stages: new Set(),
  categories: new Set(),
  channels: new Set(),
  overdueOnly: false,
  departments: new Set(),
  weight: 'all',
  aggregation: 'heatmap',
};

export function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}
