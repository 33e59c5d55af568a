import { describe, expect, it } from 'vitest';
import {
  gridsSchema,
  indicatorsSchema,
  metaSchema,
  regionsSchema,
} from '../../src/contract/schemas/contract.schema';
import { sumFigures } from '../../src/domain/indicators';
import { expectError, iso } from './contract-expectations';
import { getJson, type ContractClient } from './contract-client';

const dayMs = 86_400_000;

async function indicatorsOf(client: ContractClient, query: string) {
  const reply = await getJson(client, `/indicators?${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return indicatorsSchema.parse(reply.body);
}

export function indicatorsContract(makeClient: () => ContractClient): void {
  describe('indicators', () => {
    it('the city: children are its districts and add up to it; the series adds up to the period', async () => {
      const client = makeClient();
      const now = Date.parse(metaSchema.parse((await getJson(client, '/meta')).body).dataTime);
      const regions = regionsSchema
        .parse((await getJson(client, '/regions')).body)
        .features.map((r) => r.properties);
      const city = regions.find((region) => region.parentId === null);
      const window = `from=${encodeURIComponent(iso(now - 90 * dayMs))}&to=${encodeURIComponent(iso(now))}`;
      const indicators = await indicatorsOf(client, `region=${city?.id}&${window}&interval=week`);
      expect(indicators.region.id).toBe(city?.id);
      expect(indicators.figures.casesReported).toBeGreaterThan(0);
      expect(indicators.figures.resolutionRate.denominator).toBeGreaterThan(0);
      expect(indicators.children.map((child) => child.id).sort()).toEqual(
        regions
          .filter((region) => region.parentId === city?.id)
          .map((region) => region.id)
          .sort(),
      );
      expect(sumFigures(indicators.children.map((child) => child.figures))).toEqual(indicators.figures);
      const reported = indicators.series.reduce((sum, point) => sum + point.figures.casesReported, 0);
      const closed = indicators.series.reduce((sum, point) => sum + point.figures.casesClosed, 0);
      expect(reported).toBe(indicators.figures.casesReported);
      expect(closed).toBe(indicators.figures.casesClosed);
      expect(indicators.series.length).toBeGreaterThanOrEqual(13);
    });

    it('adds up at every level: a district and a street each equal the sum of their children', async () => {
      const client = makeClient();
      const regions = regionsSchema
        .parse((await getJson(client, '/regions')).body)
        .features.map((r) => r.properties);
      for (const level of ['district', 'street'] as const) {
        const unit = regions.find((region) => region.level === level);
        expect(unit, `a ${level} in the regions`).toBeDefined();
        const indicators = await indicatorsOf(client, `region=${unit?.id}&interval=month`);
        expect(indicators.region.level).toBe(level);
        expect(indicators.children.length).toBeGreaterThan(0);
        expect(sumFigures(indicators.children.map((child) => child.figures))).toEqual(indicators.figures);
      }
    });

    it("a community's children are its grids and add up to it; a grid has no children", async () => {
      const client = makeClient();
      const grids = gridsSchema
        .parse((await getJson(client, '/grids')).body)
        .features.map((g) => g.properties);
      const community = grids[0]?.communityId;
      const indicators = await indicatorsOf(client, `region=${community}&interval=month`);
      expect(indicators.region.level).toBe('community');
      expect(indicators.children.map((child) => child.id).sort()).toEqual(
        grids
          .filter((grid) => grid.communityId === community)
          .map((grid) => grid.id)
          .sort(),
      );
      expect(indicators.children.every((child) => child.level === 'grid')).toBe(true);
      expect(sumFigures(indicators.children.map((child) => child.figures))).toEqual(indicators.figures);
      const grid = await indicatorsOf(client, `region=${grids[0]?.id}&interval=day`);
      expect(grid.region.level).toBe('grid');
      expect(grid.children).toEqual([]);
    });

    it('answers 400 for an unknown region, a bad interval or an empty period', async () => {
      const client = makeClient();
      expectError(await getJson(client, '/indicators?region=no-such-region'), 400);
      expectError(await getJson(client, '/indicators?interval=fortnight'), 400);
      expectError(await getJson(client, '/indicators?from=2026-03-01&to=2026-03-01'), 400);
    });
  });
}
