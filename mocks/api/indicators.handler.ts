import { http } from 'msw';
import { indicatorsSchema, intervals } from '../../src/contract/schemas/contract.schema';
import type { CaseProperties } from '../../src/domain/case';
import { periodsOf, seriesOfCases } from '../../src/domain/indicator-series';
import { figuresOfCases } from '../../src/domain/indicators';
import { chinaOffsetMinutes, dayMs, formatChinaTime } from '../cases/china-time';
import { caseUnitAt, readUnit } from './cases.handler';
import type { MockState } from './mock-state';
import { answerBadParameters, BadParameter, readPeriod, readWords } from './query-params';
import { respondValid } from './respond';
import { volunteerHoursOfUnit } from './unit-volunteer-hours';

/** A daily series over ten years is already more than any chart shows; beyond this the request is refused. */
const maxBuckets = 3_700;
export const defaultIndicatorDays = 30;

export function indicatorsHandlers(state: MockState) {
  return [
    http.get(`${state.baseUrl}/indicators`, ({ request }) =>
      answerBadParameters(() => {
        const params = new URL(request.url).searchParams;
        // The store is made on its first use (mock-state.ts), which takes seconds: before the clock is read, so
        // that requests made together see the same cases.
        const store = state.cases;
        const now = state.clock();
        store.catchUp(now);
        const unit = readUnit(state, params) ?? state.units.root();
        if (!unit) throw new BadParameter('unknown_region', 'the city has no root region');
        const period = readPeriod(params, (to) => to - defaultIndicatorDays * dayMs, now);
        const interval = [...(readWords(params, 'interval', intervals) ?? ['day' as const])];
        if (interval.length !== 1 || interval[0] === undefined)
          throw new BadParameter('bad_parameter', 'give one interval');
        const buckets = periodsOf(period, interval[0], chinaOffsetMinutes);
        if (buckets.length > maxBuckets)
          throw new BadParameter('bad_parameter', `more than ${maxBuckets} ${interval[0]}s`);

        const depth = unit.path.length - 1;
        const own: CaseProperties[] = [];
        const byChild = new Map<string, CaseProperties[]>();
        for (const record of state.cases.records) {
          if (record.reportedMs >= period.to) break;
          if (caseUnitAt(state, record, depth) !== unit.id) continue;
          own.push(record.wire.properties);
          const child = caseUnitAt(state, record, depth + 1);
          if (child === undefined) continue;
          const siblings = byChild.get(child);
          if (siblings) siblings.push(record.wire.properties);
          else byChild.set(child, [record.wire.properties]);
        }
        const series = seriesOfCases(own, buckets).map((figures, index) => {
          const bucket = buckets[index] ?? period;
          figures.volunteerHours = volunteerHoursOfUnit(state, unit, bucket);
          return { start: formatChinaTime(bucket.from), figures };
        });
        const children = state.units.childrenOf(unit.id).map((child) => ({
          id: child.id,
          name: child.name,
          level: child.level,
          figures: figuresOfCases(
            byChild.get(child.id) ?? [],
            period,
            volunteerHoursOfUnit(state, child, period),
          ),
        }));
        return respondValid(state, 'indicatorsSchema', indicatorsSchema, {
          region: { id: unit.id, name: unit.name, level: unit.level },
          from: formatChinaTime(period.from),
          to: formatChinaTime(period.to),
          interval: interval[0],
          figures: figuresOfCases(own, period, volunteerHoursOfUnit(state, unit, period)),
          series,
          children,
          dataTime: formatChinaTime(now),
        });
      }),
    ),
  ];
}
