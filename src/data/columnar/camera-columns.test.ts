import { describe, expect, it } from 'vitest';
import { cameraStatuses, cameraPurposes } from '../../domain/points';
import { assemblePointsColumnar, encodePointsColumnar } from '../../geo/columnar/points-columnar.encode';
import { nullCategoryCode32, type ColumnInput } from '../../geo/columnar/points-columnar';
import { DataError } from '../data-error';
import { cameraColumnsResult, decodeCameraColumnsReply } from './camera-columns.protocol';

const positions = [112.85, 35.49, 112.86, 35.5, 112.87, 35.51];
const ids = ['JC-C1', 'JC-C2', '摄像头3'];
const columns = (overrides: Partial<Record<string, ColumnInput>> = {}): ColumnInput[] =>
  [
    // First-seen order puts 'fault' at code 0: the decoder must remap to the domain's order.
    { name: 'status', kind: 'category', values: ['fault', 'online', 'offline'] } as const,
    { name: 'purpose', kind: 'category', values: ['rural', 'road', 'rural'] } as const,
    { name: 'gridId', kind: 'category', values: ['g2', null, 'g1'] } as const,
  ].map((column) => overrides[column.name] ?? column);
const buffer = (input: ColumnInput[] = columns(), positionType: 'float32' | 'float64' = 'float64') =>
  encodePointsColumnar({ crs: 'wgs84', positionType, positions, ids, columns: input });

const decode = (bytes: ArrayBuffer) => cameraColumnsResult(decodeCameraColumnsReply(bytes).reply);

function refusal(bytes: ArrayBuffer): DataError {
  try {
    decode(bytes);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected the buffer to be refused');
}

describe('columnar cameras', () => {
  it('decodes into the map columns with statuses and purposes in the domain order', () => {
    const cameras = decode(buffer());
    expect(cameras.count).toBe(3);
    expect(cameras.crs).toBe('wgs84');
    expect(Array.from(cameras.status, (code) => cameraStatuses[code])).toEqual([
      'fault',
      'online',
      'offline',
    ]);
    expect(Array.from(cameras.purpose, (code) => cameraPurposes[code])).toEqual(['rural', 'road', 'rural']);
    expect(Array.from(cameras.gridIndex, (row) => (row < 0 ? null : cameras.gridIds[row]))).toEqual([
      'g2',
      null,
      'g1',
    ]);
    expect(cameras.positions).toBeInstanceOf(Float32Array);
    expect(cameras.positions[4]).toBeCloseTo(112.87, 5);
    expect(cameras.id(2)).toBe('摄像头3');
    expect(cameras.name(2)).toBeNull();
  });

  it('reads names from an optional name dictionary column', () => {
    const named = decode(
      buffer([...columns(), { name: 'name', kind: 'category', values: ['北门', null, '东街口'] }]),
    );
    expect([named.name(0), named.name(1), named.name(2)]).toEqual(['北门', null, '东街口']);
  });

  it('reads grid rows from 32-bit codes (format version 2: a province with 70,000 grids)', () => {
    const gridIds = Array.from({ length: 70_000 }, (_, index) => `G${index}`);
    const encoder = new TextEncoder();
    const idBytes = encoder.encode(ids.join(''));
    const idOffsets = new Uint32Array(ids.length + 1);
    ids.forEach((id, index) => (idOffsets[index + 1] = (idOffsets[index] ?? 0) + encoder.encode(id).length));
    const wide = assemblePointsColumnar({
      crs: 'wgs84',
      positions: Float32Array.from(positions),
      idOffsets,
      idBytes,
      columns: [
        { name: 'status', kind: 'category', array: Uint8Array.of(0, 0, 0), dictionary: ['online'] },
        { name: 'purpose', kind: 'category', array: Uint8Array.of(0, 0, 0), dictionary: ['road'] },
        {
          name: 'gridId',
          kind: 'category',
          array: Uint32Array.of(69_999, nullCategoryCode32, 65_536),
          dictionary: gridIds,
        },
      ],
    });
    const cameras = decode(wide);
    expect(Array.from(cameras.gridIndex, (row) => (row < 0 ? null : cameras.gridIds[row]))).toEqual([
      'G69999',
      null,
      'G65536',
    ]);
    expect(cameras.id(2)).toBe('摄像头3');
  });

  it('transfers every column out of the worker, none of them views of the received buffer', () => {
    const received = buffer(columns(), 'float32');
    const { reply, transfer } = decodeCameraColumnsReply(received);
    if (!reply.ok) throw new Error(reply.reason);
    expect(transfer).toHaveLength(6);
    expect(reply.wire.names).toBeNull();
    expect(transfer).not.toContain(received);
  });

  it('refuses an unknown status as a format error of the cameras layer that names it', () => {
    const error = refusal(
      buffer(
        columns({ status: { name: 'status', kind: 'category', values: ['online', 'broken', 'online'] } }),
      ),
    );
    expect(error.layer).toBe('cameras');
    expect(error.kind).toBe('format');
    expect(error.reason).toContain('status');
    expect(error.reason).toContain('"broken"');
    // The alert's wording in the UI language comes from the detail, not the English reason.
    expect(error.detail).toEqual({ code: 'invalid-data', problem: 'value', field: 'status' });
  });

  it('leaves out a camera without a purpose and keeps the others; refuses a buffer without the purpose column', () => {
    const cameras = decode(
      buffer(columns({ purpose: { name: 'purpose', kind: 'category', values: ['road', null, 'road'] } })),
    );
    expect(cameras.count).toBe(2);
    expect([cameras.id(0), cameras.id(1)]).toEqual(['JC-C1', '摄像头3']);
    expect(Array.from(cameras.status, (code) => cameraStatuses[code])).toEqual(['fault', 'offline']);
    expect(Array.from(cameras.positions)).toEqual([
      Math.fround(112.85),
      Math.fround(35.49),
      Math.fround(112.87),
      Math.fround(35.51),
    ]);
    expect(Array.from(cameras.gridIndex, (row) => (row < 0 ? null : cameras.gridIds[row]))).toEqual([
      'g2',
      'g1',
    ]);
    expect(cameras.skipped).toEqual([
      { number: 2, id: 'JC-C2', problem: 'missing', field: 'properties.purpose' },
    ]);
    const withoutPurpose = columns().filter((column) => column.name !== 'purpose');
    expect(refusal(buffer(withoutPurpose)).reason).toContain('purpose is missing');
  });

  it('refuses what the format decoder refuses (a wrong magic, a truncated file); leaves out a point out of range', () => {
    const wrongMagic = buffer().slice(0);
    new Uint8Array(wrongMagic)[0] = 0x58;
    expect(refusal(wrongMagic).reason).toContain('magic');
    expect(refusal(buffer().slice(0, 40)).reason).toMatch(/out of bounds|runs past|JSON/);
    const outOfRange = encodePointsColumnar({
      crs: 'wgs84',
      positionType: 'float64',
      positions: [112.85, 35.49, 212.86, 35.5, 112.87, 35.51],
      ids,
      columns: columns(),
    });
    const cameras = decode(outOfRange);
    expect(cameras.count).toBe(2);
    expect([cameras.id(0), cameras.id(1)]).toEqual(['JC-C1', '摄像头3']);
    expect(cameras.skipped).toEqual([
      { number: 2, id: 'JC-C2', problem: 'range', field: 'geometry.coordinates', position: [212.86, 35.5] },
    ]);
  });
});
