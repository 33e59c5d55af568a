import { describe, expect, it } from 'vitest';
import {
  caseCodeColumnNames,
  caseCodeColumns,
  caseTimeColumnNames,
  caseTimeColumns,
  noCode,
} from '../../src/contract/columnar/case-column-table';
import { decodeCaseColumns, type CaseColumnsWire } from '../../src/contract/columnar/case-columns.decode';
import {
  casesSchema,
  departmentsSchema,
  metaSchema,
  type CaseFeature,
} from '../../src/contract/schemas/contract.schema';
import { settlementLevels } from '../../src/domain/case';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { getJson, withHeaders, type ContractClient } from './contract-client';
import { iso } from './contract-expectations';

const dayMs = 86_400_000;
const decoder = new TextDecoder();
const idAt = (wire: CaseColumnsWire, row: number) =>
  decoder.decode(wire.idBytes.subarray(wire.idOffsets[row] ?? 0, wire.idOffsets[row + 1] ?? 0));
const levelIndex = (level: string) => settlementLevels.indexOf(level as (typeof settlementLevels)[number]);

async function windowCases(client: ContractClient, days: number) {
  const now = Date.parse(metaSchema.parse((await getJson(client, '/meta')).body).dataTime);
  const query = `from=${encodeURIComponent(iso(now - days * dayMs))}&to=${encodeURIComponent(iso(now))}`;
  const reply = await getJson(client, `/cases?${query}`);
  expect(reply.status).toBe(200);
  return { now, query, cases: casesSchema.parse(reply.body).features };
}

/** What a case's handling fields must say about each other and about its loop (docs/api.md, "Departments and levels"). */
function expectConsistentHandling({ properties: c }: CaseFeature, departments: ReadonlySet<string>): void {
  const closed = c.status === 'closed';
  const label = c.id;
  if (c.department !== null) expect(departments.has(c.department), label).toBe(true);
  expect(c.resolvedAtLevel !== null, label).toBe(closed);
  if (c.status !== 'reported' && c.status !== 'filed') expect(c.assignee, label).not.toBeNull();
  // Steps up the ladder: from the grid, one level at a time, in time order, within the case's life.
  let at = Date.parse(c.reportedAt);
  c.escalations.forEach((step, index) => {
    expect(levelIndex(step.fromLevel), label).toBe(index);
    expect(levelIndex(step.toLevel), label).toBe(index + 1);
    const stepAt = Date.parse(step.at);
    expect(stepAt, label).toBeGreaterThanOrEqual(at);
    if (c.closedAt !== null) expect(stepAt, label).toBeLessThanOrEqual(Date.parse(c.closedAt));
    at = stepAt;
  });
  if (closed) expect(c.resolvedAtLevel, label).toBe(c.escalations.at(-1)?.toLevel ?? 'grid');
  // 督办 comes after the deadline, gives a deadline of its own, and says whether the case met it.
  const supervision = c.supervision;
  if (supervision !== null) {
    const supervisedAt = Date.parse(supervision.at);
    const deadline = Date.parse(supervision.deadline);
    expect(supervisedAt, label).toBeGreaterThan(Date.parse(c.dueAt));
    expect(deadline, label).toBeGreaterThan(supervisedAt);
    if (c.closedAt !== null) {
      expect(Date.parse(c.closedAt), label).toBeGreaterThan(supervisedAt);
      expect(supervision.state, label).toBe(Date.parse(c.closedAt) <= deadline ? 'met' : 'missed');
    } else expect(['active', 'missed'], label).toContain(supervision.state);
  }
}

export function departmentsContract(makeClient: () => ContractClient): void {
  describe('departments, levels and supervision', () => {
    it('/departments lists each department once, with a name and the categories it takes', async () => {
      const reply = await getJson(makeClient(), '/departments');
      expect(reply.status).toBe(200);
      const { departments } = departmentsSchema.parse(reply.body);
      expect(departments.length).toBeGreaterThan(0);
      expect(new Set(departments.map((department) => department.id)).size).toBe(departments.length);
      expect(departments.every((department) => department.categories.length > 0)).toBe(true);
    });

    it('every case names a listed department, a level once closed, and a consistent escalation and supervision', async () => {
      const client = makeClient();
      const departments = departmentsSchema.parse((await getJson(client, '/departments')).body).departments;
      const ids = new Set<string>(departments.map((department) => department.id));
      const { cases } = await windowCases(client, 30);
      expect(cases.length).toBeGreaterThan(0);
      for (const feature of cases) expectConsistentHandling(feature, ids);
      // The fields are really filled in: a source that sent none of them would pass the checks above.
      const closed = cases.filter((item) => item.properties.status === 'closed');
      expect(closed.length).toBeGreaterThan(0);
      expect(cases.some((item) => item.properties.department !== null)).toBe(true);
      expect(cases.some((item) => item.properties.escalations.length > 0)).toBe(true);
      expect(new Set(closed.map((item) => item.properties.resolvedAtLevel)).size).toBeGreaterThan(2);
      const { cases: older } = await windowCases(client, 90);
      expect(older.some((item) => item.properties.supervision !== null)).toBe(true);
    });

    it('the columnar answer carries the same department, level, escalation and supervision as the GeoJSON', async () => {
      const client = makeClient();
      const { query, cases } = await windowCases(client, 60);
      const response = await client.fetch(
        `${client.baseUrl}/cases?${query}`,
        withHeaders(client, { headers: { Accept: columnarMediaType } }),
      );
      expect(response.status).toBe(200);
      const wire = decodeCaseColumns(await response.arrayBuffer());
      expect(wire.count).toBe(cases.length);
      // A live source moves open cases on between the two requests; a closed case no longer changes.
      const rows: number[] = [];
      const closed = cases.filter((item, row) => {
        if (item.properties.status !== 'closed') return false;
        rows.push(row);
        return true;
      });
      expect(rows.map((row) => idAt(wire, row))).toEqual(closed.map((item) => item.properties.id));
      const at = (column: ArrayLike<number>) => rows.map((row) => column[row]);
      // Every column of the table, compared value by value with what the GeoJSON case says.
      for (const name of caseCodeColumnNames) {
        const { read, labels } = caseCodeColumns[name];
        const expected = closed.map(({ properties }) => {
          const value = read(properties);
          return value === null || value === undefined
            ? noCode
            : (labels as readonly string[]).indexOf(value);
        });
        expect(at(wire[name]), name).toEqual(expected);
      }
      for (const name of caseTimeColumnNames) {
        const { read } = caseTimeColumns[name];
        const expected = closed.map(({ properties }) => {
          const value = read(properties);
          return value === null || value === undefined ? Number.NaN : Date.parse(value);
        });
        expect(at(wire[name]), name).toEqual(expected);
      }
      expect(at(wire.supervisedAt).some((value) => !Number.isNaN(value ?? Number.NaN))).toBe(true);
    });
  });
}
