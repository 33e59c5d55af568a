import { z } from 'zod';
import { cameraColumnsOfWire, decodeCameraColumns } from '../src/contract/columnar/camera-columns.decode';
import { camerasSchema } from '../src/contract/schemas/contract.schema';
import { cameraColumnsOf } from '../src/domain/camera-columns';
import { summariseCameras } from '../src/features/dashboard/map/camera-summary';
import { buildCameraClusters } from '../src/map/camera-clusters/camera-clusters';
import { allCameras, filterCameras } from '../src/map/camera-points';
import { provinceCamerasColumnar } from '../tests/e2e/province-columnar';
import { provinceCameras } from '../tests/e2e/province-data';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { measureAlone, measurePair, median } from './measure';

/**
 * Shanxi's 2.4 M cameras into the map's columns: the columnar path (the decoding worker's work: decode, check,
 * remap to the domain's codes) against the GeoJSON path (JSON.parse, the contract's zod schema as the browser
 * runs it, jitless, and the features turned into columns, all on the main thread). The GeoJSON path is timed on a
 * 100 k sample and scaled per camera: 2.4 M GeoJSON features take gigabytes and minutes a run. Then what follows
 * either path at this scale: the cluster index (in the cluster worker) and the main thread's own work on the
 * columns (the filter, the cluster worker's copy, the count for a unit).
 */
const cameraCount = 2_400_000;
const sampleCount = 100_000;

export const cameraColumnsBench: BenchModule = {
  name: 'camera columns 2.4M',
  environment: 'node',
  run: runCameraColumnsBench,
};

function runCameraColumnsBench(log: (line: string) => void): BenchModuleResult {
  const buffer = provinceCamerasColumnar(cameraCount);
  const sample = JSON.stringify(provinceCameras(sampleCount));
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(0);
  log(
    `camera columns: columnar ${megabytes(buffer.byteLength)} MB for 2.4 M; GeoJSON ${megabytes(sample.length)} MB for the 100 k sample`,
  );
  // The app runs zod jitless (strict CSP, src/app/strict-csp.ts); so does its baseline here, for this module only.
  z.config({ jitless: true });
  let decodedCount = 0;
  let sampleCheck = 0;
  const toColumns = (() => {
    try {
      return measurePair(
        () => {
          const parsed = camerasSchema.parse(JSON.parse(sample));
          sampleCheck = cameraColumnsOf(parsed.features).count;
        },
        () => (decodedCount = decodeCameraColumns(buffer).count),
        cameraCount / sampleCount,
      );
    } finally {
      z.config({ jitless: false });
    }
  })();
  const columns = cameraColumnsOfWire(decodeCameraColumns(buffer));
  log(
    `camera columns: decode ${median(toColumns.candidate).toFixed(0)} ms, GeoJSON + zod ${median(toColumns.baseline).toFixed(0)} ms (scaled), ${median(toColumns.speedups).toFixed(0)}×`,
  );
  const mainThread = measureAlone(() => {
    const subset = filterCameras(columns, allCameras);
    subset.positions.slice();
    summariseCameras(columns, null);
  });
  const indexBuild = measureAlone(() => buildCameraClusters(filterCameras(columns, allCameras)), 2);
  log(`camera columns: cluster index ${indexBuild.toFixed(0)} ms, main thread ${mainThread.toFixed(0)} ms`);
  const notes = [
    `province fixture (tests/e2e/province-columnar.ts): ${megabytes(buffer.byteLength)} MB columnar (Float32 positions, ids, status, purpose, gridId over 70,000 grids: format version 2)`,
    `GeoJSON timed on ${sampleCount / 1000} k cameras (${megabytes(sample.length)} MB) and scaled ×${cameraCount / sampleCount}; zod jitless as in the browser`,
  ];
  return {
    figures: [
      {
        id: 'camera-columns-decode',
        label: '2.4 M cameras into the map columns (columnar, in the decoding worker, vs GeoJSON + zod)',
        candidate: 'decodeCameraColumns: format checks, domain codes, id blocks (the decoding worker)',
        baseline: 'JSON.parse + camerasSchema (zod, jitless) + cameraColumnsOf, on the main thread',
        baselineMilliseconds: median(toColumns.baseline),
        candidateMilliseconds: median(toColumns.candidate),
        speedup: median(toColumns.speedups),
        runs: toColumns.speedups.length,
        goal: 100,
        check: {
          description: `decoded ${decodedCount} of ${cameraCount} cameras; sample ${sampleCheck} of ${sampleCount}`,
          passed: decodedCount === cameraCount && sampleCheck === sampleCount,
        },
        notes,
      },
    ],
    info: [
      {
        id: 'camera-columns-cluster-index',
        label: 'cluster index over 2.4 M cameras (the cluster worker; median of 2)',
        value: indexBuild,
        unit: 'ms',
        notes,
      },
      {
        id: 'camera-columns-main-thread',
        label: 'main thread on 2.4 M camera columns: filter, copy for the cluster worker, count for a unit',
        value: mainThread,
        unit: 'ms',
        notes,
      },
    ],
  };
}
