import { useEffect, useMemo, useRef, useState } from 'react';
import type { CameraSubset } from '../camera-points';
import { buildCameraClusters, onlineFlags, type CameraCluster } from './camera-clusters';
import { ClusterClient } from './cluster-client';

/**
 * From this many cameras on, the cluster index is built and queried in a worker. Below it (the demo city has a few
 * thousand) the index builds in a few milliseconds on the main thread and answers a pan synchronously, with no
 * round trip and no frame of stale clusters.
 */
export const clusterWorkerThreshold = 50_000;

type Box = [number, number, number, number];

/** Clusters for a view box (`boxKey`: "w,s,e,n", empty when clusters are not shown) at a zoom level. */
export function useCameraClusters(subset: CameraSubset, boxKey: string, zoomLevel: number): CameraCluster[] {
  const inWorker = subset.count >= clusterWorkerThreshold;
  const localIndex = useMemo(() => (inWorker ? null : buildCameraClusters(subset)), [subset, inWorker]);
  const localClusters = useMemo<CameraCluster[]>(() => {
    if (!localIndex || !boxKey) return [];
    return localIndex.clusters(boxKey.split(',').map(Number) as Box, zoomLevel);
  }, [localIndex, boxKey, zoomLevel]);

  const client = useRef<ClusterClient | null>(null);
  const [generation, setGeneration] = useState<number | null>(null);
  const [workerClusters, setWorkerClusters] = useState<CameraCluster[]>([]);
  useEffect(() => () => client.current?.terminate(), []);
  useEffect(() => {
    if (!inWorker) return;
    client.current ??= ClusterClient.inWorker();
    let current = true;
    // Copies: the subset's own positions stay with the point layer.
    void client.current.load(subset.positions.slice(), onlineFlags(subset)).then((loaded) => {
      if (current) setGeneration(loaded);
    });
    return () => {
      current = false;
    };
  }, [subset, inWorker]);
  useEffect(() => {
    if (!inWorker || generation === null || !client.current || !boxKey) return;
    let current = true;
    void client.current
      .clusters(generation, boxKey.split(',').map(Number) as Box, zoomLevel)
      .then((clusters) => {
        if (current) setWorkerClusters(clusters);
      });
    return () => {
      current = false;
    };
  }, [inWorker, generation, boxKey, zoomLevel]);
  return inWorker ? workerClusters : localClusters;
}
