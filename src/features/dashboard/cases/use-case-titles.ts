import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataSource } from '../../../data/data-source-context';
import type { CaseColumns } from '../../../data/live/case-columns';
import { dataQueries } from '../../../data/queries';
import type { Period } from '../../../domain/indicators';
import { toChinaIso } from '../../../domain/time-window';

/** The most ids one request asks for (GET /cases `ids=` allows 200). */
const maxIds = 200;

/**
 * Titles for the few cases on screen (the lists, the detail) that came as columns, which carry none: one small
 * GeoJSON request by id (`ids=`, docs/api.md) for the window the cases were reported in. Until it answers, or if
 * it fails, the category's label stands in (case-text.ts `caseTitle`). No request when every row shown has its
 * title (the GeoJSON path, streamed cases).
 */
export function useCaseTitles(
  columns: CaseColumns,
  rows: readonly number[],
  period: Period,
): ReadonlyMap<string, string> {
  const source = useDataSource();
  const missing = new Set<string>();
  for (const row of rows) {
    const summary = columns.caseAt(row);
    if (summary && summary.title === null) missing.add(summary.id);
  }
  const key = [...missing].sort().slice(0, maxIds).join(',');
  const query = useMemo(
    () => ({
      from: toChinaIso(period.from),
      to: toChinaIso(period.to),
      ids: key === '' ? [] : key.split(','),
    }),
    [period, key],
  );
  const titles = useQuery({
    ...dataQueries.cases(source, query),
    enabled: key !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return useMemo(
    () =>
      new Map<string, string>(
        (titles.data?.features ?? []).map((feature) => [feature.properties.id, feature.properties.title]),
      ),
    [titles.data],
  );
}
