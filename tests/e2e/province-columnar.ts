import { assemblePointsColumnar } from '../../src/geo/columnar/points-columnar.encode';
import {
  provinceBounds,
  provinceCaseCategories,
  provinceCaseChannels,
  provinceCaseStages,
  seeded,
} from './province-data';

/**
 * The province's cameras straight into the columnar format (src/geo/columnar/README.md) with typed arrays: 2.4 M
 * cameras as GeoJSON objects would cost the test seconds and gigabytes before the app even starts. Same PRNG and
 * seed as `provinceCameras`, so camera i sits where the GeoJSON fixture puts it; ids are `K<i>`, written as ASCII
 * digits without making a string each. No gridId column: 70,000 grids exceed a category's 65,534 labels.
 */
const statusDictionary = ['online', 'offline', 'fault'];
/** Four online, one offline, one fault in every six cameras, as in the GeoJSON fixture. */
const statusCycle = [0, 0, 0, 0, 1, 2];
const purposeDictionary = ['road', 'public_security', 'residential', 'key_site', 'rural'];

export function provinceCamerasColumnar(count: number): ArrayBuffer {
  const random = seeded(20_240_610);
  const positions = new Float32Array(count * 2);
  const status = new Uint8Array(count);
  const purpose = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    positions[i * 2] = provinceBounds[0] + random() * (provinceBounds[2] - provinceBounds[0]);
    positions[i * 2 + 1] = provinceBounds[1] + random() * (provinceBounds[3] - provinceBounds[1]);
    status[i] = statusCycle[i % statusCycle.length] ?? 0;
    purpose[i] = i % purposeDictionary.length;
  }
  const { idOffsets, idBytes } = numberedIds('K', count);
  return assemblePointsColumnar({
    crs: 'wgs84',
    positions,
    idOffsets,
    idBytes,
    columns: [
      { name: 'status', kind: 'category', array: status, dictionary: statusDictionary },
      { name: 'purpose', kind: 'category', array: purpose, dictionary: purposeDictionary },
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

/**
 * The province's cases in the columnar format (GET /cases, docs/api.md) with typed arrays, as `provinceCases` lays
 * them out (same PRNG, seed and draws: case i is where the GeoJSON fixture puts it, reported at the same time):
 * open cases over the last 20 days, three in five around eleven city centres. Ids `E<i>`. No gridId column
 * (70,000 grids exceed a category's labels), so a region's count is 0 and the province's is right.
 */
export function provinceCasesColumnar(count: number, now: Date): ArrayBuffer {
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
  for (let i = 0; i < count; i += 1) {
    const centre = centres[i % centres.length] ?? [0, 0];
    const urban = random() < 0.6;
    positions[i * 2] = urban
      ? (centre[0] ?? 0) + (random() - 0.5) * 0.4
      : provinceBounds[0] + random() * (provinceBounds[2] - provinceBounds[0]);
    positions[i * 2 + 1] = urban
      ? (centre[1] ?? 0) + (random() - 0.5) * 0.4
      : provinceBounds[1] + random() * (provinceBounds[3] - provinceBounds[1]);
    const reported = new Date(now.getTime() - random() * 20 * 86_400_000).getTime();
    reportedAt[i] = reported;
    dueAt[i] = reported + 7 * 86_400_000;
    status[i] = i % provinceCaseStages.length;
    channel[i] = i % provinceCaseChannels.length;
    category[i] = i % provinceCaseCategories.length;
  }
  const { idOffsets, idBytes } = numberedIds('E', count);
  return assemblePointsColumnar({
    crs: 'wgs84',
    positions,
    idOffsets,
    idBytes,
    columns: [
      { name: 'status', kind: 'category', array: status, dictionary: [...provinceCaseStages] },
      { name: 'channel', kind: 'category', array: channel, dictionary: [...provinceCaseChannels] },
      { name: 'category', kind: 'category', array: category, dictionary: [...provinceCaseCategories] },
      { name: 'reportedAt', kind: 'timestamp', array: reportedAt },
      { name: 'dueAt', kind: 'timestamp', array: dueAt },
      { name: 'closedAt', kind: 'timestamp', array: closedAt },
    ],
  });
}
