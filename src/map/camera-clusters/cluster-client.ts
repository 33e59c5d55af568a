import type { CameraCluster } from './camera-clusters';
import { clustersOfColumns, type ClusterReply, type ClusterRequest } from './cluster-protocol';

/** The part of `Worker` the client uses; tests supply one that calls the handler in-process. */
export interface ClusterWorkerPort {
  postMessage(message: ClusterRequest, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ClusterReply>) => void): void;
  terminate(): void;
}

/** Promise API over the cluster worker; a newer `load` supersedes the older one's answers. */
export class ClusterClient {
  private generation = 0;
  private nextRequestId = 1;
  private readonly loads = new Map<number, () => void>();
  private readonly requests = new Map<number, (clusters: CameraCluster[]) => void>();

  constructor(private readonly port: ClusterWorkerPort) {
    port.addEventListener('message', (event) => {
      const reply = event.data;
      if (reply.kind === 'loaded') {
        this.loads.get(reply.generation)?.();
        this.loads.delete(reply.generation);
        return;
      }
      this.requests.get(reply.requestId)?.(clustersOfColumns(reply));
      this.requests.delete(reply.requestId);
    });
  }

  static inWorker(): ClusterClient {
    return new ClusterClient(new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' }));
  }

  /** Transfers both arrays (pass copies if the caller keeps using them); resolves with the index's generation. */
  load(positions: Float32Array, online: Uint8Array): Promise<number> {
    const generation = ++this.generation;
    return new Promise((resolve) => {
      this.loads.set(generation, () => resolve(generation));
      this.port.postMessage(
        { kind: 'load', generation, positions, online },
        { transfer: [positions.buffer, online.buffer] },
      );
    });
  }

  clusters(
    generation: number,
    bbox: [number, number, number, number],
    zoom: number,
  ): Promise<CameraCluster[]> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.requests.set(requestId, resolve);
      this.port.postMessage({ kind: 'clusters', requestId, generation, bbox, zoom }, { transfer: [] });
    });
  }

  terminate(): void {
    this.port.terminate();
  }
}
