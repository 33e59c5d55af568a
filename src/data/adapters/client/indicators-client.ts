import { flatGridBuffers, flattenGrids } from '../../../geo/join/flat-grids';
import { DataError } from '../../data-error';
import type { IndicatorQuery } from '../../provider';
import type {
  CaseCollection,
  GridCollection,
  IndicatorsResponse,
  RegionCollection,
} from '../../../contract/schemas/contract.schema';
import type { IndicatorsReply, IndicatorsRequest } from './indicators-protocol';

/** The part of `Worker` the client uses; tests and the bench supply one that calls the handler in-process. */
export interface IndicatorsWorkerPort {
  postMessage(message: IndicatorsRequest, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<IndicatorsReply>) => void): void;
  terminate(): void;
}

export interface IndicatorsInput {
  cases: CaseCollection;
  grids: GridCollection;
  regions: RegionCollection;
  query: IndicatorQuery;
  now: number;
  utcOffsetMinutes?: number;
}

/**
 * Promise API over the indicators worker. The geography is flattened and sent again only when the grids or the
 * regions change (by identity: TanStack Query hands back the same objects while they are fresh), so a drill-down
 * costs the cases' round trip and the figures, not a new spatial index.
 */
export class IndicatorsClient {
  private nextRequestId = 1;
  private readonly pending = new Map<number, (reply: IndicatorsReply) => void>();
  private geography: { grids: GridCollection; regions: RegionCollection; ready: Promise<void> } | undefined;

  constructor(private readonly port: IndicatorsWorkerPort) {
    port.addEventListener('message', (event) => {
      const settle = this.pending.get(event.data.requestId);
      this.pending.delete(event.data.requestId);
      settle?.(event.data);
    });
  }

  /** A client over a real module worker; Vite bundles the worker from this URL. */
  static inWorker(): IndicatorsClient {
    const worker = new Worker(new URL('./indicators.worker.ts', import.meta.url), { type: 'module' });
    return new IndicatorsClient(worker);
  }

  async compute(input: IndicatorsInput): Promise<IndicatorsResponse> {
    await this.useGeography(input.grids, input.regions);
    const features = input.cases.features;
    const positions = new Float64Array(features.length * 2);
    features.forEach((feature, index) => {
      positions[index * 2] = feature.geometry.coordinates[0];
      positions[index * 2 + 1] = feature.geometry.coordinates[1];
    });
    const reply = await this.send(
      {
        kind: 'compute',
        requestId: this.nextRequestId++,
        cases: features.map((feature) => feature.properties),
        positions,
        query: input.query,
        now: input.now,
        utcOffsetMinutes: input.utcOffsetMinutes,
      },
      [positions.buffer],
    );
    if (reply.kind === 'indicators') return reply.response;
    throw errorOf(reply);
  }

  dispose(): void {
    this.port.terminate();
    for (const settle of this.pending.values())
      settle({ kind: 'failed', requestId: 0, reason: 'indicators worker stopped' });
    this.pending.clear();
  }

  private useGeography(grids: GridCollection, regions: RegionCollection): Promise<void> {
    if (this.geography?.grids === grids && this.geography.regions === regions) return this.geography.ready;
    const flat = flattenGrids(grids.features);
    // Only what the tree reads crosses to the worker: ids, names, levels and parents, not the geometry.
    const units = {
      regions: regions.features.map(({ properties: { id, name, level, parentId } }) => ({
        id,
        name,
        level,
        parentId,
      })),
      grids: grids.features.map(({ properties: { id, name, communityId } }) => ({ id, name, communityId })),
    };
    const ready = this.send(
      { kind: 'set-geography', requestId: this.nextRequestId++, grids: flat, units },
      flatGridBuffers(flat),
    ).then((reply) => {
      if (reply.kind !== 'geography-ready') throw errorOf(reply);
    });
    this.geography = { grids, regions, ready };
    // A failed geography is not cached: the next call sends it again.
    ready.catch(() => {
      if (this.geography?.ready === ready) this.geography = undefined;
    });
    return ready;
  }

  private send(request: IndicatorsRequest, transfer: Transferable[]): Promise<IndicatorsReply> {
    return new Promise((resolve) => {
      this.pending.set(request.requestId, resolve);
      this.port.postMessage(request, { transfer });
    });
  }
}

/** The worker's failure as the data layer's error, so the UI's alert names the indicators layer and the reason. */
function errorOf(reply: IndicatorsReply): DataError {
  if (reply.kind !== 'failed') return new DataError('indicators', 'format', `unexpected reply ${reply.kind}`);
  return new DataError('indicators', reply.dataErrorKind ?? 'format', reply.reason);
}
