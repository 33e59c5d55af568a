import { describe, expect, it } from 'vitest';
import { ColumnarFormatError, nullCategoryCode32, type PointsInput } from './points-columnar';
import { decodePointsColumnar } from './points-columnar.decode';
import { assemblePointsColumnar, encodePointsColumnar } from './points-columnar.encode';

/** Format version 2: 32-bit category codes for dictionaries of 65,535 labels or more (a province's grids). */
const gridCount = 70_000;
const gridIds = Array.from({ length: gridCount }, (_, number) => `G${number}`);
const versionOf = (buffer: ArrayBuffer) => new DataView(buffer).getUint16(4, true);

/** One point per code, in the grid `dictionary[code]`, as the typed blocks a generator hands the assembler. */
function gridBlocks(codes: Uint32Array | Uint16Array, dictionary: string[]) {
  const count = codes.length;
  const ids = Array.from({ length: count }, (_, index) => `P${index}`);
  const idOffsets = new Uint32Array(count + 1);
  ids.forEach((id, index) => (idOffsets[index + 1] = (idOffsets[index] ?? 0) + id.length));
  return {
    crs: 'wgs84' as const,
    positions: new Float64Array(count * 2).fill(36),
    idOffsets,
    idBytes: new TextEncoder().encode(ids.join('')),
    columns: [{ name: 'gridId', kind: 'category' as const, array: codes, dictionary }],
  };
}

const small: PointsInput = {
  crs: 'wgs84',
  positionType: 'float64',
  positions: [112.85, 35.49, 112.86, 35.5],
  ids: ['a', 'b'],
  columns: [{ name: 'status', kind: 'category', values: ['closed', null] }],
};

describe('points columnar format, version 2', () => {
  it('round-trips a dictionary of more than 65,535 labels with 32-bit codes', () => {
    // Every grid once, in reverse so the highest codes come first, and one point with no grid.
    const values: (string | null)[] = [...gridIds].reverse();
    values.push(null);
    const buffer = encodePointsColumnar({
      crs: 'wgs84',
      positionType: 'float32',
      positions: values.flatMap(() => [112.5, 37.5]),
      ids: values.map((_, index) => `P${index}`),
      columns: [{ name: 'gridId', kind: 'category', values }],
    });
    expect(versionOf(buffer)).toBe(2);
    const decoded = decodePointsColumnar(buffer);
    expect(decoded.version).toBe(2);
    const grid = decoded.columns.get('gridId');
    if (grid?.kind !== 'category') throw new Error('gridId should be a category column');
    expect(grid.codes).toBeInstanceOf(Uint32Array);
    expect(grid.nullCode).toBe(nullCategoryCode32);
    expect(grid.dictionary).toHaveLength(gridCount);
    const labelAt = (index: number) => {
      const code = grid.codes[index] ?? grid.nullCode;
      return code === grid.nullCode ? null : grid.dictionary[code];
    };
    expect(Array.from({ length: values.length }, (_, index) => labelAt(index))).toEqual(values);
    // Codes past 16 bits name their own label, not the one 65,536 below.
    const high = Array.from(grid.codes).findIndex((code) => code > 0xffff && code !== grid.nullCode);
    expect(grid.codes[high]!).toBeGreaterThan(0xffff);
    expect(labelAt(high)).toBe(values[high]);
  });

  it('still writes version 1 when every category fits 16 bits, so version-1 readers keep working', () => {
    expect(versionOf(encodePointsColumnar(small))).toBe(1);
    const labels = Array.from({ length: 65_534 }, (_, index) => `L${index}`);
    const widest = encodePointsColumnar({
      crs: 'wgs84',
      positionType: 'float32',
      positions: labels.flatMap(() => [112.5, 37.5]),
      ids: labels,
      columns: [{ name: 'kind', kind: 'category', values: labels }],
    });
    expect(versionOf(widest)).toBe(1);
    const kind = decodePointsColumnar(widest).columns.get('kind');
    if (kind?.kind !== 'category') throw new Error('kind should be a category column');
    expect(kind.codes).toBeInstanceOf(Uint16Array);
    expect(kind.dictionary[kind.codes[65_533]!]).toBe('L65533');
  });

  it('assembles typed blocks as version 2 only for 32-bit codes, and refuses codes narrower than the dictionary', () => {
    const codes = Uint32Array.from({ length: 10 }, (_, index) => gridCount - 1 - index);
    expect(versionOf(assemblePointsColumnar(gridBlocks(codes, gridIds)))).toBe(2);
    expect(() => assemblePointsColumnar(gridBlocks(Uint16Array.from(codes), gridIds))).toThrow(
      /gridId: 70000 labels need Uint32Array codes/,
    );
  });

  it('refuses a code past the dictionary, naming the column and the point', () => {
    const codes = Uint32Array.from({ length: 10 }, (_, index) => index * 7000);
    codes[6] = gridCount;
    const buffer = assemblePointsColumnar(gridBlocks(codes, gridIds));
    expect(() => decodePointsColumnar(buffer)).toThrow(ColumnarFormatError);
    expect(() => decodePointsColumnar(buffer)).toThrow(
      'column gridId: point 6 has code 70000, not in its dictionary of 70000 labels',
    );
  });

  it('refuses an unknown version, and 32-bit codes in a file that says version 1', () => {
    const withVersion = (buffer: ArrayBuffer, version: number) => {
      const copy = buffer.slice(0);
      new DataView(copy).setUint16(4, version, true);
      return copy;
    };
    const wide = assemblePointsColumnar(gridBlocks(Uint32Array.of(1, 69_999), gridIds));
    expect(() => decodePointsColumnar(withVersion(wide, 3))).toThrow(
      /unsupported version 3 \(this reader knows versions 1 and 2\)/,
    );
    expect(() => decodePointsColumnar(withVersion(wide, 0))).toThrow(ColumnarFormatError);
    expect(() => decodePointsColumnar(withVersion(wide, 1))).toThrow(
      'column gridId: 70000 labels need 32-bit codes, which version 1 does not have',
    );
    // A reader of both reads a version-2 header on a file whose codes all fit 16 bits: v2 only adds a width.
    expect(decodePointsColumnar(withVersion(encodePointsColumnar(small), 2)).version).toBe(2);
  });
});
