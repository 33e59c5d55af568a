import { describe, expect, it } from 'vitest';
import { ColumnarFormatError, type PointsInput } from './points-columnar';
import { decodePointsColumnar } from './points-columnar.decode';
import { encodePointsColumnar } from './points-columnar.encode';

const cases: PointsInput = {
  crs: 'wgs84',
  positionType: 'float64',
  positions: [112.851, 35.497, 112.9, 35.51, 113.0001, 35.6],
  ids: ['case-1', '案件-二', ''],
  columns: [
    { name: 'status', kind: 'category', values: ['closed', null, 'handling'] },
    { name: 'reportedAt', kind: 'timestamp', values: [Date.UTC(2025, 4, 1), Date.UTC(2025, 4, 2, 8), null] },
    { name: 'resolved', kind: 'boolean', values: [true, null, false] },
    { name: 'score', kind: 'number', values: [0.5, -1, null] },
  ],
};

describe('points columnar format', () => {
  it('encodes non-ASCII dictionary labels (the schema is padded in bytes, not characters)', () => {
    const decoded = decodePointsColumnar(
      encodePointsColumnar({
        ...cases,
        columns: [{ name: 'name', kind: 'category', values: ['北门路口', null, '东街口'] }],
      }),
    );
    const names = decoded.columns.get('name');
    if (names?.kind !== 'category') throw new Error('name should be a category column');
    expect(Array.from(names.codes, (code) => names.dictionary[code] ?? null)).toEqual([
      '北门路口',
      null,
      '东街口',
    ]);
  });

  it('round-trips positions, ids and every column kind, nulls included', () => {
    const decoded = decodePointsColumnar(encodePointsColumnar(cases));
    expect(decoded.count).toBe(3);
    expect(Array.from(decoded.positions)).toEqual(cases.positions);
    expect([0, 1, 2].map((index) => decoded.id(index))).toEqual(cases.ids);
    const status = decoded.columns.get('status');
    if (status?.kind !== 'category') throw new Error('status should be a category column');
    expect(Array.from(status.codes, (code) => status.dictionary[code] ?? null)).toEqual([
      'closed',
      null,
      'handling',
    ]);
    const reportedAt = decoded.columns.get('reportedAt');
    if (reportedAt?.kind !== 'timestamp') throw new Error('reportedAt should be a timestamp column');
    expect(Array.from(reportedAt.values)).toEqual([Date.UTC(2025, 4, 1), Date.UTC(2025, 4, 2, 8), NaN]);
    expect(decoded.columns.get('resolved')).toMatchObject({
      kind: 'boolean',
      values: Uint8Array.of(1, 2, 0),
    });
    expect(decoded.columns.get('score')).toMatchObject({ values: Float64Array.of(0.5, -1, NaN) });
  });

  it('decodes without copying: positions are an aligned view over the buffer', () => {
    const buffer = encodePointsColumnar({ ...cases, positionType: 'float32' });
    const decoded = decodePointsColumnar(buffer);
    expect(decoded.positions).toBeInstanceOf(Float32Array);
    expect(decoded.positions.buffer).toBe(buffer);
    expect(decoded.positions.byteOffset % 8).toBe(0);
    expect(decoded.positions[0]).toBe(Math.fround(112.851));
  });

  it('switches category codes to Uint16 past 254 labels', () => {
    const labels = Array.from({ length: 300 }, (_, index) => `kind-${index}`);
    const decoded = decodePointsColumnar(
      encodePointsColumnar({
        crs: 'gcj02',
        positionType: 'float64',
        positions: labels.flatMap(() => [113, 36]),
        ids: labels,
        columns: [{ name: 'kind', kind: 'category', values: labels }],
      }),
    );
    const kind = decoded.columns.get('kind');
    if (kind?.kind !== 'category') throw new Error('kind should be a category column');
    expect(kind.codes).toBeInstanceOf(Uint16Array);
    expect(kind.dictionary[kind.codes[299]!]).toBe('kind-299');
    expect(decoded.crs).toBe('gcj02');
  });

  it('refuses damaged input with a reason', () => {
    const good = encodePointsColumnar(cases);
    const withByte = (offset: number, value: number) => {
      const copy = good.slice(0);
      new Uint8Array(copy)[offset] = value;
      return copy;
    };
    expect(() => decodePointsColumnar(withByte(0, 0x21))).toThrow(/magic/);
    expect(() => decodePointsColumnar(withByte(4, 9))).toThrow(/version/);
    expect(() => decodePointsColumnar(good.slice(0, good.byteLength - 16))).toThrow(ColumnarFormatError);
  });

  it('lists the points whose coordinates are out of range or NaN, and keeps the others', () => {
    const outOfRange = encodePointsColumnar({ ...cases, positions: [200, 35, 112, 35, 112, Number.NaN] });
    const decoded = decodePointsColumnar(outOfRange);
    expect(decoded.invalidPoints).toEqual([0, 2]);
    expect(decodePointsColumnar(encodePointsColumnar(cases)).invalidPoints).toEqual([]);
  });
});
