import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataSource } from '../../../data/data-source-context';
import type { CaseColumns } from '../../../live/case-columns';
import type { Period } from '../../../domain/indicators';
import { formatChinaTime } from '../../../domain/china-time';
import { createTitleLoader } from './case-title-loader';

/**
 * Titles for the few cases on screen (the lists, the detail) that came as columns, which carry none: fetched by
 * id (`ids=`, docs/api.md) for the window the cases were reported in. Until it answers, or if it fails, the
 * category's label stands in (case-text.ts `caseTitle`). No request when every row shown has its title (the
 * GeoJSON path, streamed cases).
 *
 * Each title is a query of its own, kept by id (a case's title does not change), so when a streamed case shifts
 * the lists only the ids not seen before are fetched, not the whole list again; the loader still sends the ids
 * missing at one moment as one small request.
 */
export function useCaseTitles(
  columns: CaseColumns,
  rows: readonly number[],
  period: Period,
): ReadonlyMap<string, string> {
  const source = useDataSource();
  const load = useMemo(() => createTitleLoader(source), [source]);
  const window = useMemo(
    () => ({ from: formatChinaTime(period.from), to: formatChinaTime(period.to) }),
    [period],
  );
  const missing = new Set<string>();
  for (const row of rows) {
    const summary = columns.caseAt(row);
    if (summary && summary.title === null) missing.add(summary.id);
  }
  const ids = [...missing];
  const titles = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['case-title', id],
      queryFn: () => load(id, window),
      staleTime: Infinity,
    })),
  });
  const found = new Map<string, string>();
  titles.forEach((title, index) => {
    const id = ids[index];
    if (id !== undefined && typeof title.data === 'string') found.set(id, title.data);
  });
  return found;
}
