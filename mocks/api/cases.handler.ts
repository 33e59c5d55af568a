import { HttpResponse, http } from 'msw';
import { casesSchema } from '../../src/contract/schemas/contract.schema';
import { caseCategories, caseStages } from '../../src/domain/case';
import { matchesCaseFilter, type CaseFilter } from '../../src/domain/case-filter';
import { acceptsColumnar } from '../../src/geo/columnar/negotiate';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { dayMs } from '../../src/domain/china-time';
import type { CaseRecord } from '../cases/case-store';
import { casesColumnar } from '../../src/contract/columnar/case-columns.encode';
import type { MockState } from './mock-state';
import { answerBadParameters, BadParameter, readBbox, readInstant, readWords } from './query-params';
import { respondValid } from './respond';

/** Without `from`, the window is the 30 days before `to` (or now), so a bare GET never ships the whole year. */
export const defaultCaseWindowDays = 30;

/** `ids=` holds at most this many ids: it is for the few cases a list or a detail shows (docs/api.md). */
export const maxCaseIds = 200;

function readIds(params: URLSearchParams): ReadonlySet<string> | undefined {
  const text = params.get('ids');
  if (text === null || text === '') return undefined;
  const ids = text.split(',').filter((id) => id !== '');
  if (ids.length > maxCaseIds)
    throw new BadParameter('bad_parameter', `ids holds ${ids.length} ids, at most ${maxCaseIds} are allowed`);
  return new Set(ids);
}

/** Index of the first record reported at or after `from` (records are kept oldest first). */
function firstReportedFrom(records: readonly CaseRecord[], from: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((records[middle]?.reportedMs ?? Infinity) >= from) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The unit a case belongs to at `depth` of the tree (0 = city … 4 = grid), via its grid's path. */
export function caseUnitAt(state: MockState, record: CaseRecord, depth: number): string | undefined {
  const gridId = record.wire.properties.gridId;
  return gridId ? state.units.get(gridId)?.path[depth] : undefined;
}

export function readUnit(state: MockState, params: URLSearchParams) {
  const id = params.get('region');
  if (id === null || id === '') return undefined;
  const unit = state.units.get(id);
  if (!unit) throw new BadParameter('unknown_region', `region "${id}" is not a known region or grid`);
  return unit;
}

function readCaseFilter(params: URLSearchParams, now: number): CaseFilter & { from: number } {
  const to = readInstant(params, 'to');
  const from = readInstant(params, 'from') ?? (to ?? now) - defaultCaseWindowDays * dayMs;
  if (to !== undefined && from >= to) throw new BadParameter('bad_parameter', 'from must be before to');
  const bbox = readBbox(params);
  const statuses = readWords(params, 'status', caseStages);
  const categories = readWords(params, 'category', caseCategories);
  return {
    from,
    ...(to !== undefined && { to }),
    ...(bbox && { bbox }),
    ...(statuses && { statuses }),
    ...(categories && { categories }),
  };
}

export function casesHandlers(state: MockState) {
  return [
    http.get(`${state.baseUrl}/cases`, ({ request }) =>
      answerBadParameters(() => {
        const params = new URL(request.url).searchParams;
        // The store is made on its first use (mock-state.ts), which takes seconds: before the clock is read, so
        // that requests made together see the same cases.
        const store = state.cases;
        const now = state.clock();
        store.catchUp(now);
        const filter = readCaseFilter(params, now);
        const unit = readUnit(state, params);
        const ids = readIds(params);
        const depth = unit ? unit.path.length - 1 : 0;
        const records = state.cases.records;
        const features = [];
        for (let index = firstReportedFrom(records, filter.from); index < records.length; index++) {
          const record = records[index];
          if (!record) continue;
          if (filter.to !== undefined && record.reportedMs >= filter.to) break;
          const { properties, geometry } = record.wire;
          if (ids && !ids.has(properties.id)) continue;
          if (!matchesCaseFilter(properties, geometry.coordinates, filter)) continue;
          if (unit && caseUnitAt(state, record, depth) !== unit.id) continue;
          features.push(record.wire);
        }
        // Content negotiation: the binary columns only for a client that asks for them (docs/api.md).
        if (acceptsColumnar(request.headers.get('accept')))
          return new HttpResponse(casesColumnar(features), {
            headers: { 'Content-Type': columnarMediaType, Vary: 'Accept' },
          });
        return respondValid(state, 'casesSchema', casesSchema, { type: 'FeatureCollection', features });
      }),
    ),
  ];
}
