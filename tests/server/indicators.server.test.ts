import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { casesSchema, indicatorsSchema, regionsSchema } from '../../src/contract/schemas/contract.schema';
import { figuresOfCases } from '../../src/domain/indicators';
import { startServer } from './server-harness';

/**
 * The indicators the server computes in SQL equal the client's own computation (src/domain/indicators.ts) over the
 * same cases, read back from the server's /cases: for a district and for each of its streets.
 */
let app: FastifyInstance;
let baseUrl = '';
beforeAll(async () => ({ app, baseUrl } = await startServer()));
afterAll(async () => app.close());

const getJson = async (path: string): Promise<unknown> => {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return response.json();
};

describe('indicators in SQL', () => {
  it('equal figuresOfCases over the same cases, for a district and each of its children', async () => {
    const to = inject('seededAt') - 3_600_000;
    const from = to - 45 * 86_400_000;
    const regions = regionsSchema
      .parse(await getJson('/regions'))
      .features.map((region) => region.properties);
    const district = regions.find((region) => region.level === 'district');
    if (!district) throw new Error('no district');
    const window = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
    const indicators = indicatorsSchema.parse(
      await getJson(`/indicators?region=${district.id}&${window}&interval=week`),
    );
    // Every case that can count: reported before the period's end (open ones from long before count as open).
    const everything = `from=2000-01-01&to=${encodeURIComponent(new Date(to).toISOString())}`;
    const period = { from, to };
    const expected = async (unit: string) => {
      const cases = casesSchema.parse(await getJson(`/cases?${everything}&region=${unit}`)).features;
      return figuresOfCases(
        cases.map((feature) => feature.properties),
        period,
      );
    };
    const own = await expected(district.id);
    expect(own.casesReported).toBeGreaterThan(0);
    expect(own.casesClosed).toBeGreaterThan(0);
    expect({ ...indicators.figures, volunteerHours: 0 }).toEqual(own);
    expect(indicators.children.length).toBeGreaterThan(1);
    for (const child of indicators.children)
      expect({ ...child.figures, volunteerHours: 0 }, child.id).toEqual(await expected(child.id));
  });
});
