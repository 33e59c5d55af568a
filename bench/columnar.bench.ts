import { caseCategories, caseStages } from '../src/domain/case';
import type { DecodedColumn, PointsColumnar } from '../src/geo/columnar/points-columnar';
import { decodePointsColumnar } from '../src/geo/columnar/points-columnar.decode';
import { encodePointsColumnar } from '../src/geo/columnar/points-columnar.encode';
import type { BenchModule, BenchModuleResult } from './bench-module';
import { measurePair, median } from './measure';
import { sized } from './quick';
import { columnMismatches } from './same-values';
import { seededRandom } from './random';
import { syntheticGrids } from './synthetic-grids';
import { syntheticPoints } from './synthetic-points';

const pointCount = sized(1_000_000, 50_000);

/** A decoded column's value at a row as the encoder was given it: a label (or null), a number, a boolean. */
function valueAt(decoded: PointsColumnar, name: string): (row: number) => unknown {
  const column: DecodedColumn | undefined = decoded.columns.get(name);
  if (!column) return () => `no column ${name}`;
  if (column.kind === 'category')
    return (row) => {
      const code = column.codes[row] ?? column.nullCode;
      return code === column.nullCode ? null : column.dictionary[code];
    };
  if (column.kind === 'boolean') return (row) => column.values[row] === 1;
  return (row) => column.values[row];
}

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
  // Every row of every column, decoded, against what was encoded.
  const decoded = decodePointsColumnar(buffer);
  const mismatches = columnMismatches(
    {
      lng: (row) => positions[row * 2],
      lat: (row) => positions[row * 2 + 1],
      id: (row) => ids[row],
      status: (row) => status[row],
      category: (row) => category[row],
      reportedAt: (row) => reportedAt[row],
      resolved: (row) => resolved[row],
    },
    {
      lng: (row) => decoded.positions[row * 2],
      lat: (row) => decoded.positions[row * 2 + 1],
      id: (row) => decoded.id(row),
      status: valueAt(decoded, 'status'),
      category: valueAt(decoded, 'category'),
      reportedAt: valueAt(decoded, 'reportedAt'),
      resolved: valueAt(decoded, 'resolved'),
    },
    pointCount,
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
          description:
            `decoded ${decodedCount} of ${pointCount} points, every position, id and column value as encoded` +
            (mismatches.length > 0 ? ` — MISMATCH ${mismatches.join('; ')}` : ''),
          passed: decodedCount === pointCount && mismatches.length === 0,
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
