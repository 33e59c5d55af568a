import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataSource } from '../../../../data/data-source-context';
import { dataQueries, useGrids } from '../../../../data/queries';
import type { CaseProperties } from '../../../../domain/case';
import {
  gridScorecards,
  workerScorecard,
  type AssessmentWeights,
  type Scorecard,
} from '../../../../domain/worker-assessment';
import { useRuntimeConfig } from '../../../../ui/runtime-config-context';

/** One scorecard as the screen names it: a grid, or a worker over the grids on the roster. */
export interface NamedScorecard {
  kind: 'grid' | 'worker';
  id: string;
  name: string;
  /** The grid's code, or the worker's grids' names. */
  detail: string;
  card: Scorecard;
}

export interface Assessment {
  weights: AssessmentWeights;
  /** Every grid with a case in the window; undefined while the cases load. */
  grids: NamedScorecard[] | undefined;
  /** Every worker of those grids; undefined while the roster loads or when the source serves none. */
  workers: NamedScorecard[] | undefined;
  /** The roster failed or the source has none: the ranking is by grid only. */
  noRoster: boolean;
}

/**
 * The review window's scorecards (src/domain/worker-assessment.ts), from the review's own cases. Workers' names
 * come from the masked roster where the view is public (`privacy.maskPersonalData`): the full one is never asked.
 */
export function useAssessment(cases: readonly CaseProperties[] | undefined, withWorkers = true): Assessment {
  const config = useRuntimeConfig();
  const masked = config.privacy.maskPersonalData;
  const source = useDataSource();
  const gridsQuery = useGrids();
  const roster = useQuery({
    ...dataQueries.workers(source, masked),
    enabled: withWorkers && cases !== undefined,
    retry: 1,
  });
  const cards = useMemo(() => (cases ? gridScorecards(cases) : undefined), [cases]);
  const grids = useMemo(() => {
    if (!cards) return undefined;
    const names = new Map(
      (gridsQuery.data?.features ?? []).map((grid) => [grid.properties.id as string, grid.properties]),
    );
    return [...cards].map(([id, card]): NamedScorecard => ({
      kind: 'grid',
      id,
      name: names.get(id)?.name ?? id,
      detail: names.get(id)?.code ?? '',
      card,
    }));
  }, [cards, gridsQuery.data]);
  const workers = useMemo(() => {
    if (!cards || !grids || !roster.data) return undefined;
    const gridNames = new Map(grids.map((grid) => [grid.id, grid.name]));
    return roster.data.workers
      .filter((worker) => worker.gridIds.some((id) => cards.has(id)))
      .map((worker): NamedScorecard => ({
        kind: 'worker',
        id: worker.id,
        // A masked roster may leave the name out: the id stands in.
        name: worker.name || worker.id,
        detail: worker.gridIds.map((id) => gridNames.get(id) ?? id).join('、'),
        card: workerScorecard(worker.gridIds, cards),
      }));
  }, [cards, grids, roster.data]);
  return { weights: config.assessment.weights, grids, workers, noRoster: roster.isError };
}
