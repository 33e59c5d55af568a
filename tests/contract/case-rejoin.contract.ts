import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  casesSchema,
  gridsSchema,
  regionsSchema,
  saveGridsOkSchema,
  type CaseFeature,
  type GridFeature,
} from '../../src/contract/schemas/contract.schema';
import { gridId, regionId } from '../../src/domain/ids';
import { mergeGrids } from '../../src/geo/plan/actions/merge-grids.action';
import { splitGrid } from '../../src/geo/plan/actions/split-grid.action';
import { adjacentGridIds } from '../../src/geo/plan/neighbours';
import { applyChangeset, createPlan, type Plan } from '../../src/geo/plan/plan';
import { getJson, putJson, type ContractClient } from './contract-client';
import { iso } from './contract-expectations';

const yearMs = 365 * 86_400_000;

/** Every case of the community, whatever its time (three years back, no upper bound). */
async function casesIn(client: ContractClient, community: string): Promise<CaseFeature[]> {
  const from = encodeURIComponent(iso(Date.now() - 3 * yearMs));
  const reply = await getJson(client, `/cases?from=${from}&region=${community}`);
  expect(reply.status).toBe(200);
  return casesSchema.parse(reply.body).features;
}

async function gridsOf(client: ContractClient, community: string): Promise<GridFeature[]> {
  return gridsSchema.parse((await getJson(client, `/grids?community=${community}`)).body).features;
}

/**
 * The grid each case lies strictly inside, by turf's point-in-polygon over the saved grids (independent of the
 * mock's ray casting and of PostGIS); cases on a boundary or in no grid are left out.
 */
function expectedGridOf(cases: readonly CaseFeature[], grids: readonly GridFeature[]): Map<string, string> {
  const expected = new Map<string, string>();
  for (const item of cases) {
    const holders = grids.filter((grid) =>
      booleanPointInPolygon(item.geometry.coordinates, grid.geometry, { ignoreBoundary: true }),
    );
    const [holder] = holders;
    if (holder && holders.length === 1) expected.set(item.properties.id, holder.properties.id);
  }
  return expected;
}

async function save(client: ContractClient, plan: Plan): Promise<number> {
  const reply = await putJson(client, `/grids?community=${plan.communityId}`, {
    baseVersion: plan.baseVersion,
    grids: { type: 'FeatureCollection', features: plan.grids },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return saveGridsOkSchema.parse(reply.body).version;
}

/** After a save: every case still there, each on the saved grid turf puts it in; returns the cases as they are now. */
async function expectRejoined(
  client: ContractClient,
  community: string,
  before: readonly CaseFeature[],
): Promise<CaseFeature[]> {
  const after = await casesIn(client, community);
  // None lost (the live stream may have added some meanwhile).
  const now = new Set(after.map((item) => item.properties.id));
  expect(before.filter((item) => !now.has(item.properties.id))).toEqual([]);
  // Only the cases the save re-joined: one a live writer adds meanwhile gets its grid from the writer, not the save.
  const existed = new Set(before.map((item) => item.properties.id));
  const expected = expectedGridOf(
    after.filter((item) => existed.has(item.properties.id)),
    await gridsOf(client, community),
  );
  expect(expected.size).toBeGreaterThan(0);
  const joined = new Map<string, string | null>(
    after.map((item) => [item.properties.id, item.properties.gridId]),
  );
  expect(Object.fromEntries([...expected].map(([id]) => [id, joined.get(id)]))).toEqual(
    Object.fromEntries(expected),
  );
  return after;
}

export function caseRejoinContract(makeClient: () => ContractClient): void {
  describe('PUT /grids: cases re-joined after a save', () => {
    it('re-joins the community cases to merged, then split grids by location', async () => {
      const client = makeClient();
      const regions = regionsSchema.parse((await getJson(client, '/regions')).body).features;
      const allGrids = gridsSchema.parse((await getJson(client, '/grids')).body).features;
      const sizes = new Map<string, number>();
      for (const grid of allGrids)
        sizes.set(grid.properties.communityId, (sizes.get(grid.properties.communityId) ?? 0) + 1);
      // A community with two adjacent grids that both hold cases, so the merge moves some.
      let chosen: { plan: Plan; pair: [string, string]; cases: CaseFeature[] } | undefined;
      for (const [community, size] of sizes) {
        if (size < 2 || chosen) continue;
        const feature = regions.find((region) => region.properties.id === community);
        const grids = await gridsOf(client, community);
        const cases = await casesIn(client, community);
        if (!feature || cases.length < 2) continue;
        const version = Math.max(...grids.map((grid) => grid.properties.version));
        const plan = createPlan(feature, regionId(community), grids, version);
        const withCases = new Set(cases.map((item) => item.properties.gridId));
        for (const grid of plan.grids) {
          const id = grid.properties.id;
          const neighbour = adjacentGridIds(plan, id).find((other) => withCases.has(other));
          if (withCases.has(id) && neighbour) {
            chosen = { plan, pair: [id, neighbour], cases };
            break;
          }
        }
      }
      if (!chosen) throw new Error('no community with two adjacent grids holding cases');
      const { pair } = chosen;

      // Merge: the absorbed grid's cases now belong to the survivor.
      const merged = applyChangeset(chosen.plan, mergeGrids(chosen.plan, { gridIds: pair.map(gridId) }));
      const mergedVersion = await save(client, merged);
      const afterMerge = await expectRejoined(client, merged.communityId, chosen.cases);
      expect(afterMerge.filter((item) => item.properties.gridId === pair[1])).toEqual([]);

      // Split the merged grid between its cases, in the widest gap of latitudes in their middle half, so no case
      // sits on (or a rounding away from) the new boundary.
      const survivor = afterMerge.filter((item) => item.properties.gridId === pair[0]);
      // Distinct latitudes: a live writer puts all its cases on one point, which would leave no gap in the middle.
      const latitudes = [...new Set(survivor.map((item) => item.geometry.coordinates[1]))].sort(
        (a, b) => a - b,
      );
      const quarter = Math.floor(latitudes.length / 4);
      let middle = latitudes[0] ?? 0;
      let widest = -1;
      for (let index = quarter; index < Math.max(quarter + 1, latitudes.length - quarter - 1); index += 1) {
        const [low, high] = [latitudes[index] ?? 0, latitudes[index + 1] ?? 0];
        if (high - low > widest) [widest, middle] = [high - low, (low + high) / 2];
      }
      expect(widest).toBeGreaterThan(1e-6);
      const saved = {
        ...merged,
        grids: await gridsOf(client, merged.communityId),
        baseVersion: mergedVersion,
      };
      const longitudes = saved.grids.flatMap((grid) =>
        grid.geometry.type === 'Polygon'
          ? grid.geometry.coordinates.flat().map((point) => point[0])
          : grid.geometry.coordinates.flat(2).map((point) => point[0]),
      );
      const line = [
        [Math.min(...longitudes) - 0.01, middle],
        [Math.max(...longitudes) + 0.01, middle],
      ];
      const split = applyChangeset(saved, splitGrid(saved, { gridId: gridId(pair[0]), line }));
      const newIds = split.grids
        .map((grid) => grid.properties.id)
        .filter((id) => !saved.grids.some((grid) => grid.properties.id === id));
      expect(newIds.length).toBeGreaterThan(0);
      await save(client, split);
      const afterSplit = await expectRejoined(client, split.communityId, chosen.cases);
      expect(
        afterSplit.some((item) => item.properties.gridId !== null && newIds.includes(item.properties.gridId)),
      ).toBe(true);
    });
  });
}
