import { encodeCaseColumns, type CaseColumnValues } from '../../src/contract/columnar/case-columns.encode';
import { caseStages } from '../../src/domain/case';
import type { Pool } from './db';

/**
 * `GET /cases` in the columnar format, read as a few aggregates over the window's cases in the list's order, and
 * laid out by the contract's encoder: no GeoJSON built in SQL, parsed in Node and re-read, and no JS object per case
 * (a province's 30 days are ≈ 82,000 cases; docs/performance.md). Numbers travel as packed float8 (`float8send`,
 * big-endian; one bytea for the positions, one for the nine time columns interleaved), words as one text each split
 * on a unit separator: PostgreSQL's text arrays of 82,000 elements cost seconds to parse in Node, these
 * milliseconds. Times are whole seconds, as the GeoJSON answer writes them (contract_time), so both formats carry
 * the same values. Ids and codes never hold the separator (the contract's ids are codes).
 */
const separator = '\x1f';
const words = (column: string) => `string_agg(coalesce(${column}, ''), E'\\x1f')`;
const epochMs = (column: string) => `coalesce(floor(date_part('epoch', ${column})) * 1000, 'NaN')`;
const timeColumns = ['reported_at', 'due_at', 'closed_at'];
/** The steps' times as the contract writes them (parsing 6 × 82,000 texts is cheaper in V8 than in PostgreSQL). */
const stageWords = (stage: string) => `${words(`stage_times->>'${stage}'`)} AS stage_${stage}`;

/** The supervision and the first escalation, kept as the contract's text (migration 0007), read as words. */
const handlingTexts = [
  ['supervision_state', "supervision->>'state'"],
  ['supervised_at', "supervision->>'at'"],
  ['supervision_deadline', "supervision->>'deadline'"],
  ['escalated_at', "escalations->0->>'at'"],
] as const;
type HandlingText = (typeof handlingTexts)[number][0];

export const caseColumnsSql = (where: string) => `
  SELECT count(*)::int AS count, ${words('id')} AS ids,
         string_agg(float8send(ST_X(geom)) || float8send(ST_Y(geom)), ''::bytea) AS positions,
         string_agg(${timeColumns.map((column) => `float8send(${epochMs(column)})`).join(' || ')}, ''::bytea) AS times,
         ${words('status')} AS status, ${words('channel')} AS channel, ${words('category')} AS category,
         ${words('satisfaction')} AS satisfaction, ${words('grid_id')} AS grid_id,
         ${caseStages.map(stageWords).join(', ')},
         string_agg(CASE resolved WHEN true THEN 't' WHEN false THEN 'f' ELSE 'n' END, '') AS resolved,
         ${words('department')} AS department, ${words('resolved_at_level')} AS resolved_at_level,
         ${handlingTexts.map(([name, path]) => `${words(path)} AS ${name}`).join(', ')}
  -- The aggregates keep the order their rows come in: the list's order, sorted once for every column.
  FROM (SELECT id, geom, reported_at, due_at, closed_at, stage_times, status, channel, category, satisfaction,
               grid_id, resolved, department, resolved_at_level, escalations, supervision
        FROM cases c ${where} ORDER BY c.reported_at, c.id) c`;

type ColumnsRow = Record<`stage_${(typeof caseStages)[number]}` | HandlingText, string | null> & {
  count: number;
  ids: string | null;
  positions: Buffer | null;
  times: Buffer | null;
  status: string | null;
  channel: string | null;
  category: string | null;
  satisfaction: string | null;
  grid_id: string | null;
  resolved: string | null;
  department: string | null;
  resolved_at_level: string | null;
};

/** One word per case; '' (no value) is null. */
const splitWords = (text: string | null, count: number): (string | null)[] =>
  count === 0 ? [] : (text ?? '').split(separator).map((word) => (word === '' ? null : word));

/** Column `column` of `columns` big-endian float8s per row, NaN as null. */
function readDoubles(bytes: Buffer | null, count: number, columns: number, column: number) {
  const values = new Array<number | null>(count);
  if (!bytes) return values.fill(null);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let row = 0; row < count; row++) {
    const value = view.getFloat64((row * columns + column) * 8, false);
    values[row] = Number.isNaN(value) ? null : value;
  }
  return values;
}

/** The columnar answer for the cases `where` selects (its parameters `params`). */
export async function readCaseColumns(pool: Pool, where: string, params: unknown[]): Promise<ArrayBuffer> {
  const { rows } = await pool.query<ColumnsRow>(caseColumnsSql(where), params);
  const row = rows[0];
  const count = row?.count ?? 0;
  const time = (index: number) => readDoubles(row?.times ?? null, count, timeColumns.length, index);
  const stageTimes = {} as CaseColumnValues['stageTimes'];
  for (const stage of caseStages)
    stageTimes[stage] = splitWords(row?.[`stage_${stage}`] ?? null, count).map((text) =>
      text === null ? null : Date.parse(text),
    );
  const textTimes = (name: HandlingText) =>
    splitWords(row?.[name] ?? null, count).map((text) => (text === null ? null : Date.parse(text)));
  const positions = row?.positions;
  return encodeCaseColumns({
    positions: positions
      ? Array.from({ length: count * 2 }, (_, index) => positions.readDoubleBE(index * 8))
      : [],
    ids: splitWords(row?.ids ?? null, count).map((id) => id ?? ''),
    codes: {
      status: splitWords(row?.status ?? null, count),
      channel: splitWords(row?.channel ?? null, count),
      category: splitWords(row?.category ?? null, count),
      satisfaction: splitWords(row?.satisfaction ?? null, count),
      department: splitWords(row?.department ?? null, count),
      resolvedAtLevel: splitWords(row?.resolved_at_level ?? null, count),
      'supervision.state': splitWords(row?.supervision_state ?? null, count),
    },
    times: {
      reportedAt: time(0),
      dueAt: time(1),
      closedAt: time(2),
      escalatedAt: textTimes('escalated_at'),
      'supervision.at': textTimes('supervised_at'),
      'supervision.deadline': textTimes('supervision_deadline'),
    },
    stageTimes,
    resolved: Array.from(row?.resolved ?? '', (flag) => (flag === 'n' ? null : flag === 't')),
    gridId: splitWords(row?.grid_id ?? null, count),
  });
}
