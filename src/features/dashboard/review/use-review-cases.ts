import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CaseProperties } from '../../../domain/case';
import { partitionByGrid } from '../../../domain/outside-grids';
import { useDataSource } from '../../../data/data-source-context';
import { incompletenessOf, type Incompleteness } from '../../../data/incompleteness';
import { useLayerFailure, type LayerFailure } from '../../../data/layer-failure';
import { dataQueries, useGrids } from '../../../data/queries';
import type { DataError } from '../../../data/data-error';
import type { PartialLayer } from '../../../data/partial-layer';
import type { CaseCollection } from '../../../contract/schemas/contract.schema';
import type { FocusUnit } from './use-focus';
import type { ReviewPeriod } from './use-review-period';

export interface ReviewCases {
  query: UseQueryResult<CaseCollection & PartialLayer, DataError>;
  failure: LayerFailure | undefined;
  /** The period's cases the figures count (in the focused unit's grids); undefined while loading. */
  inGrids: CaseProperties[] | undefined;
  /** The city's cases of the period outside every grid (src/domain/outside-grids.ts); 0 for a focused unit. */
  outsideGrids: number;
  incomplete: Incompleteness | undefined;
}

/**
 * The review period's cases, once for the breakdown, the funnel and the notes beside the KPI cards and rankings.
 * For the city they are read whole (no region) and split by the one rule, so the bucket outside the grids is
 * counted from the very answer the figures come from; for a unit, the region's cases (none lies outside a grid).
 */
export function useReviewCases(focus: FocusUnit | null, period: ReviewPeriod): ReviewCases {
  const city = focus?.gridIds === null;
  const caseQuery = city
    ? { from: period.from, to: period.to }
    : { from: period.from, to: period.to, region: focus?.id ?? '' };
  const source = useDataSource();
  const query = useQuery({ ...dataQueries.cases(source, caseQuery), enabled: focus !== null });
  const failure = useLayerFailure(dataQueries.cases(source, caseQuery).queryKey, focus !== null);
  const grids = useGrids();
  const split = useMemo(() => {
    const cases = query.data?.features.map((feature) => feature.properties);
    if (!cases) return undefined;
    if (!city) return { inGrids: cases, outsideGrids: 0 };
    if (!grids.data) return undefined;
    const cityGrids = new Set<string>(grids.data.features.map((grid) => grid.properties.id));
    const { inGrids, outsideGrids } = partitionByGrid(cases, cityGrids);
    return { inGrids, outsideGrids: outsideGrids.length };
  }, [query.data, city, grids.data]);
  return {
    query,
    failure,
    inGrids: split?.inGrids,
    outsideGrids: split?.outsideGrids ?? 0,
    incomplete: incompletenessOf(query.data),
  };
}
