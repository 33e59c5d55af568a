import type { CaseProperties } from '../../../domain/case';
import { gridId } from '../../../domain/ids';
import type { FlatGrids } from '../../../geo/join/flat-grids';
import { buildGridIndex, type GridIndex } from '../../../geo/join/grid-index';
import { joinPoints } from '../../../geo/join/join';
import { DataError, type DataErrorKind } from '../../data-error';
import type { IndicatorQuery } from '../../provider';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';
import { indicatorsOfJoinedCases } from '../client-indicators';
import { UnitTree, type GridRecord, type RegionRecord } from '../../../domain/unit-tree';

/**
 * Messages between the main thread and the indicators worker. The geography is sent once: the grids flattened
 * into typed arrays (transferred) for the spatial index, and the units' properties for the hierarchy. Each
 * request sends the cases' properties and their positions as one transferred Float64Array; the worker joins the
 * cases that lack a known grid with the index, then runs the same figures code as the synchronous path.
 */
export type IndicatorsRequest =
  | {
      kind: 'set-geography';
      requestId: number;
      grids: FlatGrids;
      units: { regions: RegionRecord[]; grids: GridRecord[] };
    }
  | {
      kind: 'compute';
      requestId: number;
      cases: CaseProperties[];
      /** [lng, lat] per case, in the order of `cases`. */
      positions: Float64Array;
      query: IndicatorQuery;
      now: number;
      utcOffsetMinutes?: number;
    };

export type IndicatorsReply =
  | { kind: 'geography-ready'; requestId: number; gridCount: number }
  | { kind: 'indicators'; requestId: number; response: IndicatorsResponse; milliseconds: number }
  | { kind: 'failed'; requestId: number; reason: string; dataErrorKind?: DataErrorKind };

export interface IndicatorsOutgoing {
  readonly message: IndicatorsReply;
  readonly transfer: Transferable[];
}

interface Geography {
  index: GridIndex;
  ids: readonly string[];
  known: ReadonlySet<string>;
  tree: UnitTree;
}

/**
 * Give each case without a known grid the grid it lies in: the same rule as joinCasesToGrids (a case naming a
 * known grid keeps it, one outside every grid gets null), over the worker's cached index.
 */
function joinedCases(
  geography: Geography,
  cases: CaseProperties[],
  positions: Float64Array,
): CaseProperties[] {
  const pending: number[] = [];
  for (let index = 0; index < cases.length; index += 1) {
    const grid = cases[index]?.gridId ?? null;
    if (grid === null || !geography.known.has(grid)) pending.push(index);
  }
  if (pending.length === 0 || geography.ids.length === 0) return cases;
  const points = new Float64Array(pending.length * 2);
  pending.forEach((caseIndex, index) => {
    points[index * 2] = positions[caseIndex * 2] ?? Number.NaN;
    points[index * 2 + 1] = positions[caseIndex * 2 + 1] ?? Number.NaN;
  });
  const assignments = joinPoints(geography.index, points);
  const joined = cases.slice();
  pending.forEach((caseIndex, index) => {
    const properties = cases[caseIndex];
    if (!properties) return;
    const id = geography.ids[assignments[index] ?? -1];
    joined[caseIndex] = { ...properties, gridId: id === undefined ? null : gridId(id) };
  });
  return joined;
}

/** The worker's state and message handling, free of `self` so tests and the bench call it in-process. */
export function createIndicatorsHandler(): (request: IndicatorsRequest) => IndicatorsOutgoing {
  let geography: Geography | undefined;
  return (request) => {
    try {
      if (request.kind === 'set-geography') {
        geography = {
          index: buildGridIndex(request.grids),
          ids: request.grids.ids,
          known: new Set(request.grids.ids),
          tree: new UnitTree(request.units.regions, request.units.grids),
        };
        return {
          message: {
            kind: 'geography-ready',
            requestId: request.requestId,
            gridCount: request.grids.ids.length,
          },
          transfer: [],
        };
      }
      if (geography === undefined)
        return failure(request.requestId, 'no geography: send set-geography first');
      const started = performance.now();
      const response = indicatorsOfJoinedCases({
        cases: joinedCases(geography, request.cases, request.positions),
        tree: geography.tree,
        query: request.query,
        now: request.now,
        utcOffsetMinutes: request.utcOffsetMinutes,
      });
      return {
        message: {
          kind: 'indicators',
          requestId: request.requestId,
          response,
          milliseconds: performance.now() - started,
        },
        transfer: [],
      };
    } catch (error) {
      if (error instanceof DataError) return failure(request.requestId, error.reason, error.kind);
      return failure(request.requestId, error instanceof Error ? error.message : String(error));
    }
  };
}

function failure(requestId: number, reason: string, dataErrorKind?: DataErrorKind): IndicatorsOutgoing {
  return { message: { kind: 'failed', requestId, reason, dataErrorKind }, transfer: [] };
}
