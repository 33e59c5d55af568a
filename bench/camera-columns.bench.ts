import { z } from 'zod';
import { cameraColumnsOfWire, decodeCameraColumns } from '../src/contract/columnar/camera-columns.decode';
import { camerasSchema } from '../src/contract/schemas/contract.schema';
import { cameraColumnsOf, type CameraColumns } from '../src/domain/camera-columns';
import { summariseCameras } from '../src/features/dashboard/map/camera-summary';
import { buildCameraClusters } from '../src/map/camera-clusters/camera-clusters';
import { allCameras, filterCameras } from '../src/map/camera-points';
import { provinceCamerasColumnar } from '../tests/e2e/province-columnar';
import { provinceCameras } from '../tests/e2e/province-data';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { measureAlone, measurePair, median } from './measure';
import { sized } from './quick';
import { columnMismatches } from './same-values';

/**
 * Shanxi's 2.4 M cameras into the map's columns: the columnar path (the decoding worker's work: decode, check,
 * remap to the domain's codes) against the GeoJSON path (JSON.parse, the contract's zod schema as the browser
 * runs it, jitless, and the features turned into columns, all on the main thread). The GeoJSON path is timed on a
 * 100 k sample and scaled per camera: 2.4 M GeoJSON features take gigabytes and minutes a run. Then what follows
 * either path at this scale: the cluster index (in the cluster worker) and the main thread's own work on the
 * columns (the filter, the cluster worker's copy, the count for a unit).
 */
const cameraCount = sized(2_400_000, 20_000);
const sampleCount = sized(100_000, 20_000);
const millions = `${cameraCount / 1_000_000} M`;

/** Each camera's position, status, purpose, grid and id, row by row: what the two paths must agree on. */
const rowsOf = (columns: CameraColumns) => ({
  lng: (row: number) => columns.positions[row * 2],
  lat: (row: number) => columns.positions[row * 2 + 1],
  status: (row: number) => columns.status[row],
  purpose: (row: number) => columns.purpose[row],
  grid: (row: number) => columns.gridIds[columns.gridIndex[row] ?? -1] ?? null,
  id: (row: number) => columns.id(row),
});

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
    `camera columns: columnar ${megabytes(buffer.byteLength)} MB for ${millions}; GeoJSON ${megabytes(sample.length)} MB for the ${sampleCount / 1000} k sample`,
  );
  // The app runs zod jitless (strict CSP, src/app/strict-csp.ts); so does its baseline here, for this module only.
  z.config({ jitless: true });
  let decodedCount = 0;
  let sampleColumns: CameraColumns | null = null;
  const toColumns = (() => {
    try {
      return measurePair(
        () => {
          const parsed = camerasSchema.parse(JSON.parse(sample));
          sampleColumns = cameraColumnsOf(parsed.features);
        },
        () => (decodedCount = decodeCameraColumns(buffer).count),
        cameraCount / sampleCount,
      );
    } finally {
      z.config({ jitless: false });
    }
  })();
  const columns = cameraColumnsOfWire(decodeCameraColumns(buffer));
  // The GeoJSON sample is the columnar file's first cameras (same PRNG, same seed): both paths, row by row.
  // (Assigned inside the timed closure, which the compiler's narrowing does not follow.)
  const fromGeoJson = sampleColumns as CameraColumns | null;
  const mismatches = fromGeoJson
    ? columnMismatches(rowsOf(fromGeoJson), rowsOf(columns), sampleCount)
    : ['the GeoJSON path gave no columns'];
  const sampleRows = fromGeoJson?.count ?? 0;
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
        label: `${millions} cameras into the map columns (columnar, in the decoding worker, vs GeoJSON + zod)`,
        candidate: 'decodeCameraColumns: format checks, domain codes, id blocks (the decoding worker)',
        baseline: 'JSON.parse + camerasSchema (zod, jitless) + cameraColumnsOf, on the main thread',
        baselineMilliseconds: median(toColumns.baseline),
        candidateMilliseconds: median(toColumns.candidate),
        speedup: median(toColumns.speedups),
        runs: toColumns.speedups.length,
        goal: 100,
        check: {
          description:
            `decoded ${decodedCount} of ${cameraCount} cameras; the first ${sampleRows} identical to the GeoJSON ` +
            `path's in position, status, purpose, grid and id` +
            (mismatches.length > 0 ? ` — MISMATCH ${mismatches.join('; ')}` : ''),
          passed: decodedCount === cameraCount && sampleRows === sampleCount && mismatches.length === 0,
        },
        notes,
      },
    ],
    info: [
      {
        id: 'camera-columns-cluster-index',
        label: `cluster index over ${millions} cameras (the cluster worker; median of 2)`,
        value: indexBuild,
        unit: 'ms',
        notes,
      },
      {
        id: 'camera-columns-main-thread',
        label: `main thread on ${millions} camera columns: filter, copy for the cluster worker, count for a unit`,
        value: mainThread,
        unit: 'ms',
        notes,
      },
    ],
  };
}
