import { area, booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  gridsSchema,
  saveGridsConflictSchema,
  saveGridsInvalidSchema,
  saveGridsOkSchema,
  type GridFeature,
} from '../../src/contract/schemas/contract.schema';
import { getJson, putJson, type ContractClient } from './contract-client';
import { expectError } from './contract-expectations';

async function communityGrids(client: ContractClient) {
  const all = gridsSchema.parse((await getJson(client, '/grids')).body).features;
  const counts = new Map<string, number>();
  for (const grid of all)
    counts.set(grid.properties.communityId, (counts.get(grid.properties.communityId) ?? 0) + 1);
  const community = [...counts].find(([, count]) => count >= 2)?.[0];
  if (!community) throw new Error('no community with two grids to test saving on');
  const reply = await getJson(client, `/grids?community=${community}`);
  const grids = gridsSchema.parse(reply.body).features;
  const version = Math.max(...grids.map((grid) => grid.properties.version));
  return { community, grids, version };
}

const shifted = (grid: GridFeature, degrees: number): GridFeature => ({
  ...grid,
  geometry: {
    type: 'Polygon',
    coordinates: (grid.geometry.type === 'Polygon'
      ? grid.geometry.coordinates
      : (grid.geometry.coordinates[0] ?? [])
    ).map((ring) => ring.map(([longitude, latitude]): [number, number] => [longitude + degrees, latitude])),
  },
});

export function gridSaveContract(makeClient: () => ContractClient): void {
  describe('PUT /grids', () => {
    it('saves on the current version, then refuses the stale one with 409', async () => {
      const client = makeClient();
      const { community, grids, version } = await communityGrids(client);
      const body = { baseVersion: version, grids: { type: 'FeatureCollection', features: grids } };
      const saved = await putJson(client, `/grids?community=${community}`, body);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const newVersion = saveGridsOkSchema.parse(saved.body).version;
      expect(newVersion).toBeGreaterThan(version);
      const after = gridsSchema.parse((await getJson(client, `/grids?community=${community}`)).body).features;
      expect(after.map((grid) => grid.properties.id).sort()).toEqual(
        grids.map((grid) => grid.properties.id).sort(),
      );
      expect(after.every((grid) => grid.properties.version === newVersion)).toBe(true);

      const stale = await putJson(client, `/grids?community=${community}`, body);
      expect(stale.status).toBe(409);
      expect(saveGridsConflictSchema.parse(stale.body).currentVersion).toBe(newVersion);
    });

    it('refuses overlapping grids, grids outside the community and malformed ones with 422 and reasons', async () => {
      const client = makeClient();
      const { community, grids, version } = await communityGrids(client);
      const [first, second, ...others] = grids;
      if (!first || !second) throw new Error('need two grids');
      const put = (features: unknown[]) =>
        putJson(client, `/grids?community=${community}`, {
          baseVersion: version,
          grids: { type: 'FeatureCollection', features },
        });

      const overlapping = await put([first, { ...second, geometry: first.geometry }, ...others]);
      expect(overlapping.status).toBe(422);
      const overlapReasons = saveGridsInvalidSchema.parse(overlapping.body).reasons;
      expect(overlapReasons.map((reason) => reason.gridId)).toContain(second.properties.id);

      const outside = await put([shifted(first, 1), second, ...others]);
      expect(outside.status).toBe(422);
      expect(saveGridsInvalidSchema.parse(outside.body).reasons.map((reason) => reason.gridId)).toContain(
        first.properties.id,
      );

      const malformed = await put([
        { ...first, properties: { ...first.properties, households: -1 } },
        second,
        ...others,
      ]);
      expect(malformed.status).toBe(422);
      expect(saveGridsInvalidSchema.parse(malformed.body).reasons.length).toBeGreaterThan(0);

      const unchangedAfterRefusals = gridsSchema.parse(
        (await getJson(client, `/grids?community=${community}`)).body,
      ).features;
      expect(unchangedAfterRefusals.every((grid) => grid.properties.version === version)).toBe(true);
    });

    it('refuses a plan that leaves ground of the community uncovered with 422 `gap`, where the ground is', async () => {
      const client = makeClient();
      const { community, grids, version } = await communityGrids(client);
      const [first, dropped, ...others] = grids;
      if (!first || !dropped) throw new Error('need two grids');
      const reply = await putJson(client, `/grids?community=${community}`, {
        baseVersion: version,
        grids: { type: 'FeatureCollection', features: [first, ...others] },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(422);
      const gaps = saveGridsInvalidSchema
        .parse(reply.body)
        .reasons.map((reason) => ({
          reason,
          parts: /^gap: (\d+) m² at ([\d.-]+),([\d.-]+)$/.exec(reason.reason),
        }))
        .filter((gap) => gap.parts !== null);
      expect(gaps.length).toBeGreaterThan(0);
      const kept = new Set<string>([first, ...others].map((grid) => grid.properties.id));
      for (const { reason, parts } of gaps) {
        // Named after a grid the plan keeps, at a point of the ground the dropped grid held.
        expect(kept.has(reason.gridId ?? '')).toBe(true);
        const point: [number, number] = [Number(parts?.[2]), Number(parts?.[3])];
        expect(booleanPointInPolygon(point, dropped.geometry)).toBe(true);
      }
      // The uncovered ground is the dropped grid's, measured on its own (turf and PostGIS agree within 1 %).
      const uncovered = gaps.reduce((sum, { parts }) => sum + Number(parts?.[1]), 0);
      const droppedArea = area(dropped.geometry);
      expect(Math.abs(uncovered - droppedArea)).toBeLessThanOrEqual(droppedArea * 0.01 + gaps.length);
      const unchanged = gridsSchema.parse(
        (await getJson(client, `/grids?community=${community}`)).body,
      ).features;
      expect(unchanged.every((grid) => grid.properties.version === version)).toBe(true);
    });

    it('checks in the documented order: 400 before all, then the schema (422), the version (409), topology (422)', async () => {
      const client = makeClient();
      const { community, grids, version } = await communityGrids(client);
      const [first, second, ...others] = grids;
      if (!first || !second) throw new Error('need two grids');
      const malformed = [
        { ...first, properties: { ...first.properties, households: -1 } },
        second,
        ...others,
      ];
      const overlapping = [first, { ...second, geometry: first.geometry }, ...others];
      const body = (baseVersion: number, features: unknown[]) => ({
        baseVersion,
        grids: { type: 'FeatureCollection', features },
      });
      expectError(await putJson(client, '/grids', body(version + 1, malformed)), 400, 'bad_parameter');
      expectError(
        await putJson(client, '/grids?community=no-such-community', body(version + 1, malformed)),
        400,
        'unknown_region',
      );
      // A stale version with a malformed plan: the schema speaks first.
      const schemaFirst = await putJson(
        client,
        `/grids?community=${community}`,
        body(version + 1, malformed),
      );
      expect(schemaFirst.status).toBe(422);
      // A stale version with an overlapping (well-formed) plan: the version speaks before topology.
      const versionFirst = await putJson(
        client,
        `/grids?community=${community}`,
        body(version + 1, overlapping),
      );
      expect(versionFirst.status).toBe(409);
      const topology = await putJson(client, `/grids?community=${community}`, body(version, overlapping));
      expect(topology.status).toBe(422);
      const unchanged = gridsSchema.parse(
        (await getJson(client, `/grids?community=${community}`)).body,
      ).features;
      expect(unchanged.every((grid) => grid.properties.version === version)).toBe(true);
    });
  });
}
