import type { GridFeature } from '../plan';
import { defaultUrbanTypes, issueCodes, type Issue, type ValidationOptions } from './issue';

/** An urban grid holding too few or too many households for one grid worker to serve. */
export function householdIssues(grid: GridFeature, options: ValidationOptions): Issue[] {
  const urbanTypes = options.urbanTypes ?? defaultUrbanTypes;
  if (!urbanTypes.includes(grid.properties.type)) return [];
  const [minimum, maximum] = options.householdsPerGrid;
  const { households } = grid.properties;
  if (households >= minimum && households <= maximum) return [];
  return [
    {
      code: issueCodes.householdsOutOfRange,
      severity: 'warning',
      gridIds: [grid.properties.id],
      params: { households, minimum, maximum },
    },
  ];
}
