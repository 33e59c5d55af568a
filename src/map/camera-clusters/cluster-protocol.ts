import { buildClusterIndex, type CameraCluster, type CameraClusterIndex } from './camera-clusters';

/**
 * Messages of the camera-cluster worker. Cameras arrive as transferred columns; clusters for a view go back as
 * columns too (a few hundred rows), so the main thread never walks millions of points nor holds the index.
 */
export type ClusterRequest =
  | { kind: 'load'; generation: number; positions: Float32Array; online: Uint8Array }
  | {
      kind: 'clusters';
      requestId: number;
      generation: number;
      bbox: [number, number, number, number];
      zoom: number;
    };

export type ClusterReply =
  | { kind: 'loaded'; generation: number; buildMilliseconds: number }
  | {
      kind: 'clusters';
      requestId: number;
      /** lng, lat interleaved. */
      positions: Float64Array;
      counts: Uint32Array;
      online: Uint32Array;
    };

export function clusterColumns(
  clusters: readonly CameraCluster[],
): Omit<Extract<ClusterReply, { kind: 'clusters' }>, 'kind' | 'requestId'> {
  const positions = new Float64Array(clusters.length * 2);
  const counts = new Uint32Array(clusters.length);
  const online = new Uint32Array(clusters.length);
  clusters.forEach((cluster, i) => {
    positions.set(cluster.position, i * 2);
    counts[i] = cluster.count;
    online[i] = cluster.online;
  });
  return { positions, counts, online };
}

export function clustersOfColumns(reply: Extract<ClusterReply, { kind: 'clusters' }>): CameraCluster[] {
  return Array.from(reply.counts, (count, i) => ({
    position: [reply.positions[i * 2] ?? 0, reply.positions[i * 2 + 1] ?? 0],
    count,
    online: reply.online[i] ?? 0,
  }));
}

/** The worker's logic, separate from `self` so that unit tests run it in-process. */
export function createClusterHandler(): (request: ClusterRequest) => {
  reply: ClusterReply;
  transfer: Transferable[];
} {
  let generation = -1;
  let index: CameraClusterIndex | null = null;
  return (request) => {
    if (request.kind === 'load') {
      const started = performance.now();
      index = buildClusterIndex(request.positions, request.online);
      generation = request.generation;
      const buildMilliseconds = performance.now() - started;
      return { reply: { kind: 'loaded', generation, buildMilliseconds }, transfer: [] };
    }
    const clusters =
      index && request.generation === generation ? index.clusters(request.bbox, request.zoom) : [];
    const columns = clusterColumns(clusters);
    return {
      reply: { kind: 'clusters', requestId: request.requestId, ...columns },
      transfer: [columns.positions.buffer, columns.counts.buffer, columns.online.buffer],
    };
  };
}
