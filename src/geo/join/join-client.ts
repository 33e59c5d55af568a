import { flatGridBuffers, type FlatGrids } from './flat-grids';
import type { JoinReply, JoinRequest } from './join-protocol';
import type { RasterOptions } from './raster';

/** The part of `Worker` the client uses; tests supply one that calls the handler in-process. */
export interface JoinWorkerPort {
  postMessage(message: JoinRequest, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<JoinReply>) => void): void;
  terminate(): void;
}

export interface JoinResult {
  /** Grid index per point, -1 outside every grid. */
  readonly assignments: Int32Array;
  /** The caller's positions, handed back after the round trip (the original array is detached meanwhile). */
  readonly positions: Float64Array | Float32Array;
  readonly joinMilliseconds: number;
}

/**
 * Promise API over the join worker. `setGrids` and `join` transfer their buffers: after the call, the arrays passed
 * in are detached until the worker hands them back (grids: never; positions: in the result).
 */
export class JoinClient {
  private nextRequestId = 1;
  private readonly pending = new Map<number, (reply: JoinReply) => void>();

  constructor(private readonly port: JoinWorkerPort) {
    port.addEventListener('message', (event) => {
      const settle = this.pending.get(event.data.requestId);
      this.pending.delete(event.data.requestId);
      settle?.(event.data);
    });
  }

  /** A client over a real module worker; Vite bundles the worker from this URL. */
  static inWorker(): JoinClient {
    const worker = new Worker(new URL('./join.worker.ts', import.meta.url), { type: 'module' });
    return new JoinClient(worker);
  }

  async setGrids(
    grids: FlatGrids,
    options?: RasterOptions,
  ): Promise<{ gridCount: number; buildMilliseconds: number }> {
    const reply = await this.send(
      { kind: 'set-grids', requestId: this.nextRequestId++, grids, options },
      flatGridBuffers(grids),
    );
    if (reply.kind !== 'grids-ready') throw new Error(failureReason(reply));
    return { gridCount: reply.gridCount, buildMilliseconds: reply.buildMilliseconds };
  }

  async join(positions: Float64Array | Float32Array): Promise<JoinResult> {
    const request: JoinRequest = { kind: 'join', requestId: this.nextRequestId++, positions };
    const reply = await this.send(request, [positions.buffer as ArrayBuffer]);
    if (reply.kind !== 'assignments') throw new Error(failureReason(reply));
    return {
      assignments: reply.assignments,
      positions: reply.positions,
      joinMilliseconds: reply.joinMilliseconds,
    };
  }

  dispose(): void {
    this.port.terminate();
    for (const settle of this.pending.values())
      settle({ kind: 'failed', requestId: 0, reason: 'join worker disposed' });
    this.pending.clear();
  }

  private send(request: JoinRequest, transfer: Transferable[]): Promise<JoinReply> {
    return new Promise((resolve) => {
      this.pending.set(request.requestId, resolve);
      this.port.postMessage(request, { transfer });
    });
  }
}

function failureReason(reply: JoinReply): string {
  return reply.kind === 'failed' ? `spatial join failed: ${reply.reason}` : `unexpected reply ${reply.kind}`;
}
