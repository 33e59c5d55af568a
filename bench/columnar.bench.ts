import { caseCategories, caseStages } from '../src/domain/case';
import { decodePointsColumnar } from '../src/geo/columnar/points-columnar.decode';
import { encodePointsColumnar } from '../src/geo/columnar/points-columnar.encode';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { measurePair, median } from './measure';
import { seededRandom } from './random';
import { syntheticGrids } from './synthetic-grids';
import { syntheticPoints } from './synthetic-points';

const pointCount = 1_000_000;

export const columnarBench: BenchModule = {
  name: 'columnar decode',
  environment: 'node',
  run: runColumnarBench,
};

/** The same million cases as a GeoJSON FeatureCollection string and as a columnar buffer. */
function runColumnarBench(log: (line: string) => void): BenchModuleResult {
  const random = seededRandom(31);
  const positions = syntheticPoints(pointCount, syntheticGrids(500, 3), 11);
  const ids = Array.from({ length: pointCount }, (_, index) => `case-${String(index).padStart(7, '0')}`);
  const status = ids.map(() => caseStages[Math.floor(random() * caseStages.length)] ?? null);
  const category = ids.map(() => caseCategories[Math.floor(random() * caseCategories.length)] ?? null);
  const reportedAt = ids.map(() => Date.UTC(2025, 0, 1) + Math.floor(random() * 180 * 86_400_000));
  const resolved = ids.map(() => random() < 0.9);
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: ids.map((id, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [positions[index * 2], positions[index * 2 + 1]] },
      properties: {
        id,
        status: status[index],
        category: category[index],
        reportedAt: new Date(reportedAt[index] ?? 0).toISOString(),
        resolved: resolved[index],
      },
    })),
  });
  const buffer = encodePointsColumnar({
    crs: 'wgs84',
    positionType: 'float64',
    positions,
    ids,
    columns: [
      { name: 'status', kind: 'category', values: status },
      { name: 'category', kind: 'category', values: category },
      { name: 'reportedAt', kind: 'timestamp', values: reportedAt },
      { name: 'resolved', kind: 'boolean', values: resolved },
    ],
  });
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(0);
  log(`columnar: GeoJSON ${megabytes(geojson.length)} MB, columnar ${megabytes(buffer.byteLength)} MB`);
  let decodedCount = 0;
  const decode = measurePair(
    () => JSON.parse(geojson) as unknown,
    () => (decodedCount = decodePointsColumnar(buffer).count),
  );
  const withIds = measurePair(
    () => JSON.parse(geojson) as unknown,
    () => {
      const decoded = decodePointsColumnar(buffer);
      for (let index = 0; index < decoded.count; index++) decoded.id(index);
    },
  );
  log(
    `columnar: decode ${median(decode.candidate).toFixed(2)} ms, ${median(decode.speedups).toFixed(0)}× JSON.parse`,
  );
  const common = {
    baseline: 'JSON.parse of the same points as a GeoJSON FeatureCollection',
    notes: [
      `GeoJSON ${megabytes(geojson.length)} MB, columnar ${megabytes(buffer.byteLength)} MB (Float64 positions)`,
    ],
  };
  return {
    figures: [
      {
        id: 'columnar-decode',
        label: 'decode 1 M points (positions, 4 property columns)',
        candidate: 'decodePointsColumnar: validated zero-copy views',
        baselineMilliseconds: median(decode.baseline),
        candidateMilliseconds: median(decode.candidate),
        speedup: median(decode.speedups),
        runs: decode.speedups.length,
        goal: 100,
        check: {
          description: `decoded ${decodedCount} of ${pointCount} points`,
          passed: decodedCount === pointCount,
        },
        ...common,
      },
      {
        id: 'columnar-decode-all-ids',
        label: 'for reference: decode 1 M points and every id string',
        candidate: 'decodePointsColumnar + id(i) for all points',
        baselineMilliseconds: median(withIds.baseline),
        candidateMilliseconds: median(withIds.candidate),
        speedup: median(withIds.speedups),
        runs: withIds.speedups.length,
        ...common,
      },
    ],
    info: [],
  };
}
