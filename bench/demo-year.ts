import { caseAt } from '../mocks/cases/case-plan';
import { generateCases } from '../mocks/cases/generate-cases';
import { loadDemoCity } from '../mocks/node';
import type { DemoCity } from '../mocks/demo-city';
import type { CaseFeature } from '../src/contract/schemas/contract.schema';

/** The data "now" of the case benchmarks: fixed, so every run and every module measures the same year. */
export const benchNow = Date.UTC(2026, 10, 22, 2);

/** The demo city's cases as the mock API would answer them at `now` (same seed as the served demo). */
export function demoCasesAt(city: DemoCity, now: number): CaseFeature[] {
  return generateCases(city, { seed: 'jincheng', now }).plans.map((plan) => caseAt(plan, now));
}

let demoYear: Promise<{ city: DemoCity; year: CaseFeature[] }> | null = null;

/**
 * The demo city and its year of cases at `benchNow`, loaded and generated once for all the case benchmarks of a
 * `npm run bench` (each used to load the 5 MB city and generate the same 35 k cases again).
 */
export function demoCityYear(): Promise<{ city: DemoCity; year: CaseFeature[] }> {
  demoYear ??= loadDemoCity().then((city) => ({ city, year: demoCasesAt(city, benchNow) }));
  return demoYear;
}
