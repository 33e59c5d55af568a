import { http } from 'msw';
import { indicatorsSchema } from '../../src/contract/schemas/contract.schema';
import type { CaseProperties } from '../../src/domain/case';
import { seriesOfCases } from '../../src/domain/indicator-series';
import { figuresOfCases } from '../../src/domain/indicators';
import { handlingOfCases, settlementOfCases } from '../../src/domain/settlement';
import { formatChinaTime } from '../../src/domain/china-time';
import { caseUnitAt, readUnit } from './cases.handler';
import type { MockState } from './mock-state';
import { answerBadParameters, BadParameter, readIndicatorsQuery } from './query-params';
import { respondValid } from './respond';
import { volunteerHoursOfUnit } from './unit-volunteer-hours';

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
        const { period, interval, buckets } = readIndicatorsQuery(params, now);

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
          settlement: settlementOfCases(byChild.get(child.id) ?? [], period),
        }));
        return respondValid(state, 'indicatorsSchema', indicatorsSchema, {
          region: { id: unit.id, name: unit.name, level: unit.level },
          from: formatChinaTime(period.from),
          to: formatChinaTime(period.to),
          interval,
          figures: figuresOfCases(own, period, volunteerHoursOfUnit(state, unit, period)),
          series,
          children,
          ...handlingOfCases(own, period),
          dataTime: formatChinaTime(now),
        });
      }),
    ),
  ];
}
