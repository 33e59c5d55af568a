import { describe, expect, it } from 'vitest';
import { caseStages } from '../domain/case';
import { caseId, gridId } from '../domain/ids';
import { encodePointsColumnar } from '../geo/columnar/points-columnar.encode';
import type { ColumnInput } from '../geo/columnar/points-columnar';
import { DataError } from '../data/data-error';
import { CaseColumns } from './case-columns';
import { sampleCase, sampleCases, sampleGridIds } from '../contract/columnar/case.fixtures';
import { LiveCases } from './live-cases';
import type { CaseFeature } from '../contract/schemas/contract.schema';
import { caseColumnsResult, decodeCaseColumnsReply } from '../data/columnar/case-columns.protocol';

/** The cases as GET /cases answers them in the columnar format (docs/api.md; the mock's encoder does the same). */
function columnarOf(
  features: readonly CaseFeature[],
  overrides: Partial<Record<string, ColumnInput | null>> = {},
) {
  const time = (text: string | null | undefined) => (text ? Date.parse(text) : null);
  const values = <T>(read: (properties: CaseFeature['properties']) => T) =>
    features.map(({ properties }) => read(properties));
  const columns: ColumnInput[] = [
    { name: 'status', kind: 'category', values: values((p) => p.status) },
    { name: 'channel', kind: 'category', values: values((p) => p.channel) },
    { name: 'category', kind: 'category', values: values((p) => p.category) },
    { name: 'reportedAt', kind: 'timestamp', values: values((p) => time(p.reportedAt)) },
    { name: 'dueAt', kind: 'timestamp', values: values((p) => time(p.dueAt)) },
    { name: 'closedAt', kind: 'timestamp', values: values((p) => time(p.closedAt)) },
    { name: 'resolved', kind: 'boolean', values: values((p) => p.resolved) },
    { name: 'satisfaction', kind: 'category', values: values((p) => p.satisfaction) },
    { name: 'gridId', kind: 'category', values: values((p) => p.gridId) },
    ...caseStages.map((stage): ColumnInput => ({
      name: `stageTimes.${stage}`,
      kind: 'timestamp',
      values: values((p) => time(p.stageTimes?.[stage])),
    })),
  ];
  return encodePointsColumnar({
    crs: 'wgs84',
    positionType: 'float64',
    positions: features.flatMap(({ geometry }) => geometry.coordinates),
    ids: values((p) => p.id),
    columns: columns
      .map((column) => (column.name in overrides ? overrides[column.name] : column))
      .filter((column): column is ColumnInput => column !== null && column !== undefined),
  });
}

const decode = (buffer: ArrayBuffer) => caseColumnsResult(decodeCaseColumnsReply(buffer).reply);

function refusal(buffer: ArrayBuffer): DataError {
  try {
    decode(buffer);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected the buffer to be refused');
}

/** Cases with step times, so the stage columns are compared too (the fixture leaves them out). */
const withSteps = (count: number): CaseFeature[] =>
  sampleCases(count).map((feature, index) => {
    const reached = caseStages.indexOf(feature.properties.status);
    const reported = Date.parse(feature.properties.reportedAt);
    const stageTimes = Object.fromEntries(
      caseStages
        .slice(0, reached + 1)
        .map((stage, step) => [stage, new Date(reported + step * 3_600_000 + index).toISOString()]),
    );
    return { ...feature, properties: { ...feature.properties, stageTimes } };
  });

function expectSameColumns(actual: CaseColumns, expected: CaseColumns): void {
  expect(actual.count).toBe(expected.count);
  const rows = expected.count;
  const head = <T extends { subarray(start: number, end: number): T }>(array: T) => array.subarray(0, rows);
  expect(head(actual.positions)).toEqual(head(expected.positions));
  expect(head(actual.stage)).toEqual(head(expected.stage));
  expect(head(actual.channel)).toEqual(head(expected.channel));
  expect(head(actual.category)).toEqual(head(expected.category));
  expect(head(actual.satisfaction)).toEqual(head(expected.satisfaction));
  expect(head(actual.reportedAt)).toEqual(head(expected.reportedAt));
  expect(head(actual.dueAt)).toEqual(head(expected.dueAt));
  expect(head(actual.closedAt)).toEqual(head(expected.closedAt));
  expect(head(actual.grid)).toEqual(head(expected.grid));
  actual.stageEntered.forEach((column, step) =>
    expect(head(column)).toEqual(head(expected.stageEntered[step]!)),
  );
}

describe('columnar cases into the live columns', () => {
  it('builds the same columns as the GeoJSON path on the same cases', () => {
    const features = withSteps(3000);
    const expected = CaseColumns.from(features, sampleGridIds);
    const actual = CaseColumns.fromWire(decode(columnarOf(features)), sampleGridIds);
    expectSameColumns(actual, expected);
    for (const row of [0, 1, 11, 1234, 2999]) {
      const id = features[row]!.properties.id;
      expect(actual.idAt(row)).toBe(id);
      expect(actual.rowOf(id)).toBe(row);
      // Everything the lists and the detail show, except the title the format does not carry.
      expect(actual.caseAt(row)).toEqual({ ...expected.caseAt(row), title: null });
    }
    expect(actual.rowOf('no such case')).toBeUndefined();
  });

  it('maps grid codes onto the dashboard grid rows, whatever the dictionary order', () => {
    const features = sampleCases(40);
    const reordered = [...sampleGridIds].reverse();
    const actual = CaseColumns.fromWire(decode(columnarOf(features)), reordered);
    expectSameColumns(actual, CaseColumns.from(features, reordered));
  });

  it('maps 32-bit grid codes (format version 2: more grids than 16 bits number) onto the grid rows', () => {
    // A province's 70,000 grids, a case in each but one: the gridId dictionary needs 32-bit codes.
    const grids = Array.from({ length: 70_000 }, (_, index) => `G${index}`);
    const features = grids.map((grid, index) =>
      sampleCase(index, { gridId: index === 3 ? null : gridId(grid) }),
    );
    const buffer = columnarOf(features);
    expect(new DataView(buffer).getUint16(4, true)).toBe(2);
    const reordered = [...grids].reverse();
    const actual = CaseColumns.fromWire(decode(buffer), reordered);
    const expected = CaseColumns.from(features, reordered);
    // A loop, not toEqual: a deep comparison of 70,000-element typed arrays takes seconds.
    const mismatch = expected.grid
      .subarray(0, features.length)
      .findIndex((row, index) => actual.grid[index] !== row);
    expect(mismatch).toBe(-1);
    expect(actual.grid[69_999]).toBe(0);
    expect(actual.caseAt(69_999)?.gridId).toBe('G69999');
    expect(actual.caseAt(3)?.gridId).toBeNull();
  });

  it('converts positions into the base map system on the way in', () => {
    const features = sampleCases(5);
    const convert = ([x, y]: readonly [number, number]) => [x + 1, y - 1] as const;
    const actual = CaseColumns.fromWire(decode(columnarOf(features)), sampleGridIds, convert);
    expectSameColumns(actual, CaseColumns.from(features, sampleGridIds, convert));
  });

  it('applies streamed cases in place: a change by id, a new case appended past the decoded rows', () => {
    const features = withSteps(100);
    const live = new LiveCases();
    live.reset(decode(columnarOf(features)), sampleGridIds, 'w', Date.now());
    const changed = sampleCase(2, { status: 'closed', title: '新标题' });
    expect(live.apply(changed, Date.now())).toBe(false);
    const added = sampleCase(5000);
    expect(live.apply(added, Date.now())).toBe(true);
    const columns = live.snapshot().columns;
    expect(columns.count).toBe(101);
    expect(columns.caseAt(2)?.title).toBe('新标题');
    expect(columns.stageAt(2)).toBe('closed');
    expect(columns.caseAt(100)?.id).toBe(added.properties.id);
    expect(columns.caseAt(3)?.title).toBeNull();
    expect(columns.reportedAt[99]).toBe(Date.parse(features[99]!.properties.reportedAt));
    expect(live.snapshot().arrivals.map((arrival) => arrival.id)).toEqual([added.properties.id]);
  });

  it('finds rows by id through the table the worker built, for any UTF-8 id', () => {
    const features = sampleCases(500).map((feature, index) =>
      index % 2 === 0
        ? { ...feature, properties: { ...feature.properties, id: caseId(`事件-${index}`) } }
        : feature,
    );
    const columns = CaseColumns.fromWire(decode(columnarOf(features)), sampleGridIds);
    features.forEach((feature, row) => expect(columns.rowOf(feature.properties.id)).toBe(row));
    expect(columns.rowOf('事件-1')).toBeUndefined();
    expect(columns.rowOf('')).toBeUndefined();
  });

  it('takes an empty answer', () => {
    const columns = CaseColumns.fromWire(decode(columnarOf([])), sampleGridIds);
    expect(columns.count).toBe(0);
    expect(columns.upsert(sampleCase(1))?.added).toBe(true);
    expect(columns.count).toBe(1);
  });
});

describe('columnar cases refused', () => {
  const features = sampleCases(20);

  it('names the cases layer and the format for a malformed buffer', () => {
    const error = refusal(columnarOf(features).slice(0, 40));
    expect(error.layer).toBe('cases');
    expect(error.kind).toBe('format');
    expect(error.message).toContain('columnar cases refused');
    expect(refusal(new ArrayBuffer(3)).layer).toBe('cases');
  });

  it('refuses a missing required column', () => {
    const error = refusal(columnarOf(features, { status: null }));
    expect(error.layer).toBe('cases');
    expect(error.message).toContain('column status is missing');
    expect(error.detail).toMatchObject({ code: 'invalid-data', problem: 'missing', field: 'status' });
  });

  it('refuses a label outside the domain', () => {
    const unknown = features.map((_, index) => (index === 3 ? 'lost' : 'reported'));
    expect(
      refusal(columnarOf(features, { status: { name: 'status', kind: 'category', values: unknown } }))
        .message,
    ).toContain('unknown value "lost"');
  });

  it('leaves out and names a case without a required value, keeping every other case whole', () => {
    const gap = features.map((feature, index) => (index === 7 ? null : feature.properties.category));
    const noTime = features.map((feature, index) =>
      index === 0 ? null : Date.parse(feature.properties.dueAt),
    );
    const wire = decode(
      columnarOf(features, {
        category: { name: 'category', kind: 'category', values: gap },
        dueAt: { name: 'dueAt', kind: 'timestamp', values: noTime },
      }),
    );
    expect(wire.skipped).toEqual([
      { number: 1, id: features[0]?.properties.id, problem: 'missing', field: 'properties.dueAt' },
      { number: 8, id: features[7]?.properties.id, problem: 'missing', field: 'properties.category' },
    ]);
    const kept = features.filter((_, index) => index !== 0 && index !== 7);
    expectSameColumns(CaseColumns.fromWire(wire, sampleGridIds), CaseColumns.from(kept, sampleGridIds));
  });

  it('refuses a repeated id', () => {
    const repeated = [...features, sampleCase(3)];
    expect(refusal(columnarOf(repeated)).detail).toMatchObject({
      problem: 'duplicate',
      field: 'id',
      featureNumber: repeated.length,
    });
  });

  it('refuses a column of the wrong kind', () => {
    const error = refusal(
      columnarOf(features, {
        reportedAt: { name: 'reportedAt', kind: 'number', values: features.map(() => 1) },
      }),
    );
    expect(error.detail).toMatchObject({ problem: 'type', field: 'reportedAt' });
  });
});
