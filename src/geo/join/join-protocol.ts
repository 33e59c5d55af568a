import type { FlatGrids } from './flat-grids';
import { buildGridIndex, type GridIndex } from './grid-index';
import { joinPoints } from './join';
import type { RasterOptions } from './raster';

/**
 * Messages between the join client and its worker. Grids are sent once (their typed arrays transferred); each point
 * batch is transferred to the worker and comes back transferred with its assignments, so neither side copies
 * megabytes of coordinates and the caller gets its buffer back to hand to deck.gl.
 */
export type JoinRequest =
  | { kind: 'set-grids'; requestId: number; grids: FlatGrids; options?: RasterOptions }
  | { kind: 'join'; requestId: number; positions: Float64Array | Float32Array };

export type JoinReply =
  | { kind: 'grids-ready'; requestId: number; gridCount: number; buildMilliseconds: number }
  | {
      kind: 'assignments';
      requestId: number;
      assignments: Int32Array;
      positions: Float64Array | Float32Array;
      joinMilliseconds: number;
    }
  | { kind: 'failed'; requestId: number; reason: string };

export interface OutgoingMessage<T> {
  readonly message: T;
  readonly transfer: Transferable[];
}

/** The worker's state and message handling, kept free of `self` so tests call it directly. */
export function createJoinHandler(): (request: JoinRequest) => OutgoingMessage<JoinReply> {
  let index: GridIndex | undefined;
  return (request) => {
    try {
      if (request.kind === 'set-grids') {
        const started = performance.now();
        index = buildGridIndex(request.grids, request.options);
        const message: JoinReply = {
          kind: 'grids-ready',
          requestId: request.requestId,
          gridCount: request.grids.ids.length,
          buildMilliseconds: performance.now() - started,
        };
        return { message, transfer: [] };
      }
      if (index === undefined) return failure(request.requestId, 'no grids: send set-grids before join');
      const started = performance.now();
      const assignments = joinPoints(index, request.positions);
      const message: JoinReply = {
        kind: 'assignments',
        requestId: request.requestId,
        assignments,
        positions: request.positions,
        joinMilliseconds: performance.now() - started,
      };
      return { message, transfer: [assignments.buffer, request.positions.buffer as ArrayBuffer] };
    } catch (error) {
      return failure(request.requestId, error instanceof Error ? error.message : String(error));
    }
  };
}

function failure(requestId: number, reason: string): OutgoingMessage<JoinReply> {
  return { message: { kind: 'failed', requestId, reason }, transfer: [] };
}
