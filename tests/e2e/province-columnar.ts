import { assemblePointsColumnar } from '../../src/geo/columnar/points-columnar.encode';
import {
  provinceBounds,
  provinceCaseCategories,
  provinceCaseChannels,
  provinceCaseStages,
  provinceGridIds,
  provinceGridNumberAt,
  seeded,
} from './province-data';

/**
 * The province's cameras straight into the columnar format (src/geo/columnar/README.md) with typed arrays: 2.4 M
 * cameras as GeoJSON objects would cost the test seconds and gigabytes before the app even starts. Same PRNG and
 * seed as `provinceCameras`, so camera i sits where the GeoJSON fixture puts it, in the same grid; ids are `K<i>`,
 * written as ASCII digits without making a string each. `gridId` is a category column over all 70,000 grids
 * (`provinceGridIds`, code n for `G<n>`): more labels than 16 bits number, so the file is format version 2.
 */
const statusDictionary = ['online', 'offline', 'fault'];
/** Four online, one offline, one fault in every six cameras, as in the GeoJSON fixture. */
const statusCycle = [0, 0, 0, 0, 1, 2];
const purposeDictionary = ['road', 'public_security', 'residential', 'key_site', 'rural'];
/** The code of `online` in the fixture's status column. */
export const provinceOnlineCode = 0;

/** The cameras' columns as generated, before assembly: a test counts a unit's cameras from these. */
export interface ProvinceCameraColumns {
  positions: Float32Array;
  status: Uint8Array;
  purpose: Uint8Array;
  /** Code into `provinceGridIds()`: the grid number, from the unrounded coordinates as the GeoJSON fixture's. */
  gridCode: Uint32Array;
}

export function provinceCameraColumns(count: number): ProvinceCameraColumns {
  const random = seeded(20_240_610);
  const positions = new Float32Array(count * 2);
  const status = new Uint8Array(count);
  const purpose = new Uint8Array(count);
  const gridCode = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const lng = provinceBounds[0] + random() * (provinceBounds[2] - provinceBounds[0]);
    const lat = provinceBounds[1] + random() * (provinceBounds[3] - provinceBounds[1]);
    positions[i * 2] = lng;
    positions[i * 2 + 1] = lat;
    status[i] = statusCycle[i % statusCycle.length] ?? 0;
    purpose[i] = i % purposeDictionary.length;
    gridCode[i] = provinceGridNumberAt(lng, lat);
  }
  return { positions, status, purpose, gridCode };
}

export function provinceCamerasColumnar(count: number): ArrayBuffer {
  const { positions, status, purpose, gridCode } = provinceCameraColumns(count);
  const { idOffsets, idBytes } = numberedIds('K', count);
  return assemblePointsColumnar({
    crs: 'wgs84',
    positions,
    idOffsets,
    idBytes,
    columns: [
      { name: 'status', kind: 'category', array: status, dictionary: statusDictionary },
      { name: 'purpose', kind: 'category', array: purpose, dictionary: purposeDictionary },
      { name: 'gridId', kind: 'category', array: gridCode, dictionary: provinceGridIds() },
    ],
  });
}

const digitCount = (value: number) => (value < 10 ? 1 : Math.floor(Math.log10(value)) + 1);

/** The ids `<prefix>0`, `<prefix>1`, … as the format's offsets and UTF-8 bytes, written without a string per id. */
function numberedIds(prefix: string, count: number): { idOffsets: Uint32Array; idBytes: Uint8Array } {
  const idOffsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i += 1) idOffsets[i + 1] = (idOffsets[i] ?? 0) + 1 + digitCount(i);
  const idBytes = new Uint8Array(idOffsets[count] ?? 0);
  const prefixByte = prefix.charCodeAt(0);
  for (let i = 0; i < count; i += 1) {
    const start = idOffsets[i] ?? 0;
    idBytes[start] = prefixByte;
    let rest = i;
    for (let at = (idOffsets[i + 1] ?? 0) - 1; at > start; at -= 1) {
      idBytes[at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
  }
  return { idOffsets, idBytes };
}

/** The cases' columns as generated, before assembly: a test counts a unit's cases from these. */
export interface ProvinceCaseColumns {
  positions: Float64Array;
  status: Uint8Array;
  channel: Uint8Array;
  category: Uint8Array;
  reportedAt: Float64Array;
  dueAt: Float64Array;
  closedAt: Float64Array;
  /** Code into `provinceGridIds()`: the grid number, as the GeoJSON fixture's gridId. */
  gridCode: Uint32Array;
}

/**
 * The province's cases as typed columns, as `provinceCases` lays them out (same PRNG, seed and draws: case i is
 * where the GeoJSON fixture puts it, reported at the same time, in the same grid): open cases over the last 20
 * days, three in five around eleven city centres.
 */
export function provinceCaseColumns(count: number, now: Date): ProvinceCaseColumns {
  const random = seeded(7_310_925);
  const centres = Array.from({ length: 11 }, () => [
    provinceBounds[0] + 0.5 + random() * (provinceBounds[2] - provinceBounds[0] - 1),
    provinceBounds[1] + 0.5 + random() * (provinceBounds[3] - provinceBounds[1] - 1),
  ]);
  const positions = new Float64Array(count * 2);
  const status = new Uint8Array(count);
  const channel = new Uint8Array(count);
  const category = new Uint8Array(count);
  const reportedAt = new Float64Array(count);
  const dueAt = new Float64Array(count);
  const closedAt = new Float64Array(count).fill(Number.NaN);
  const gridCode = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const centre = centres[i % centres.length] ?? [0, 0];
    const urban = random() < 0.6;
    const lng = urban
      ? (centre[0] ?? 0) + (random() - 0.5) * 0.4
      : provinceBounds[0] + random() * (provinceBounds[2] - provinceBounds[0]);
    const lat = urban
      ? (centre[1] ?? 0) + (random() - 0.5) * 0.4
      : provinceBounds[1] + random() * (provinceBounds[3] - provinceBounds[1]);
    positions[i * 2] = lng;
    positions[i * 2 + 1] = lat;
    gridCode[i] = provinceGridNumberAt(lng, lat);
    const reported = new Date(now.getTime() - random() * 20 * 86_400_000).getTime();
    reportedAt[i] = reported;
    dueAt[i] = reported + 7 * 86_400_000;
    status[i] = i % provinceCaseStages.length;
    channel[i] = i % provinceCaseChannels.length;
    category[i] = i % provinceCaseCategories.length;
  }
  return { positions, status, channel, category, reportedAt, dueAt, closedAt, gridCode };
}

/**
 * The province's cases in the columnar format (GET /cases, docs/api.md), from `provinceCaseColumns`. Ids `E<i>`.
 * `gridId` over all 70,000 grids (format version 2), so a unit's count is its own, not 0.
 */
export function provinceCasesColumnar(count: number, now: Date): ArrayBuffer {
  const columns = provinceCaseColumns(count, now);
  const { idOffsets, idBytes } = numberedIds('E', count);
  return assemblePointsColumnar({
    crs: 'wgs84',
    positions: columns.positions,
    idOffsets,
    idBytes,
    columns: [
      { name: 'status', kind: 'category', array: columns.status, dictionary: [...provinceCaseStages] },
      { name: 'channel', kind: 'category', array: columns.channel, dictionary: [...provinceCaseChannels] },
      {
        name: 'category',
        kind: 'category',
        array: columns.category,
        dictionary: [...provinceCaseCategories],
      },
      { name: 'reportedAt', kind: 'timestamp', array: columns.reportedAt },
      { name: 'dueAt', kind: 'timestamp', array: columns.dueAt },
      { name: 'closedAt', kind: 'timestamp', array: columns.closedAt },
      { name: 'gridId', kind: 'category', array: columns.gridCode, dictionary: provinceGridIds() },
    ],
  });
}
