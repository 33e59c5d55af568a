import { caseCategories, caseStages, type CaseCategory, type CaseStage } from '../../domain/case';
import { matchesCaseFilter, type CaseFilter } from '../../domain/case-filter';
import type { CaseQuery } from '../provider';
import type { CaseCollection } from '../../contract/schemas/contract.schema';

const isStage = (word: string): word is CaseStage => (caseStages as readonly string[]).includes(word);
const isCategory = (word: string): word is CaseCategory =>
  (caseCategories as readonly string[]).includes(word);

/** A CaseQuery as the domain's filter (the same one the mock API applies on its side). */
export function caseFilterOf(query: CaseQuery): CaseFilter {
  return {
    from: Date.parse(query.from),
    to: Date.parse(query.to),
    ...(query.bbox && { bbox: query.bbox }),
    ...(query.status && { statuses: new Set(query.status.filter(isStage)) }),
    ...(query.category && { categories: new Set(query.category.filter(isCategory)) }),
  };
}

/**
 * Apply a case query on the client, oldest first, as `GET /cases` does on the server. Providers that cannot
 * filter (files), may ignore filters (OGC servers) or filter differently (Open311's inclusive end_date) all end
 * with this, so every provider answers the same query with the same cases.
 */
export function filterCases(cases: CaseCollection, query: CaseQuery): CaseCollection {
  const filter = caseFilterOf(query);
  const kept = cases.features
    .filter((feature) => matchesCaseFilter(feature.properties, feature.geometry.coordinates, filter))
    .sort((a, b) => Date.parse(a.properties.reportedAt) - Date.parse(b.properties.reportedAt));
  return { ...cases, features: kept };
}
