import { describe, expect, it } from 'vitest';
import {
  cameraDetailSchema,
  camerasSchema,
  gridsSchema,
  metaSchema,
  regionsSchema,
  stationsSchema,
} from '../../src/contract/schemas/contract.schema';
import { regionLevels } from '../../src/domain/hierarchy';
import { cameraStatuses } from '../../src/domain/points';
import { bboxOfGeometry, expectError } from './contract-expectations';
import { getJson, type ContractClient } from './contract-client';

export function geographyContract(makeClient: () => ContractClient): void {
  describe('geography', () => {
    it('GET /meta parses and its bbox is ordered', async () => {
      const reply = await getJson(makeClient(), '/meta');
      expect(reply.status).toBe(200);
      const meta = metaSchema.parse(reply.body);
      expect(meta.bbox[0]).toBeLessThan(meta.bbox[2]);
      expect(meta.bbox[1]).toBeLessThan(meta.bbox[3]);
    });

    it('GET /regions is one tree, each level one below its parent', async () => {
      const regions = regionsSchema.parse((await getJson(makeClient(), '/regions')).body).features;
      const byId = new Map(regions.map((region) => [region.properties.id, region.properties]));
      expect(regions.filter((region) => region.properties.parentId === null)).toHaveLength(1);
      for (const { properties } of regions) {
        if (properties.parentId === null) continue;
        const parent = byId.get(properties.parentId);
        expect(parent, `parent of ${properties.id}`).toBeDefined();
        expect(regionLevels.indexOf(properties.level)).toBe(
          regionLevels.indexOf(parent?.level ?? 'city') + 1,
        );
      }
    });

    it('GET /grids: every grid in a community; ?community= and ?bbox= filter', async () => {
      const client = makeClient();
      const regions = regionsSchema.parse((await getJson(client, '/regions')).body).features;
      const communities = new Set(
        regions.filter((r) => r.properties.level === 'community').map((r) => r.properties.id),
      );
      const all = gridsSchema.parse((await getJson(client, '/grids')).body).features;
      expect(all.length).toBeGreaterThan(1);
      for (const grid of all) expect(communities.has(grid.properties.communityId)).toBe(true);

      const first = all[0];
      if (!first) throw new Error('no grids');
      const community = first.properties.communityId;
      const inCommunity = gridsSchema.parse(
        (await getJson(client, `/grids?community=${community}`)).body,
      ).features;
      expect(inCommunity.length).toBeGreaterThan(0);
      expect(inCommunity.every((grid) => grid.properties.communityId === community)).toBe(true);
      expect(inCommunity.length).toBe(all.filter((grid) => grid.properties.communityId === community).length);

      const [west, south, east, north] = bboxOfGeometry(first.geometry);
      const inner = [
        west + (east - west) * 0.4,
        south + (north - south) * 0.4,
        west + (east - west) * 0.6,
        south + (north - south) * 0.6,
      ];
      const boxed = gridsSchema.parse(
        (await getJson(client, `/grids?bbox=${inner.join(',')}`)).body,
      ).features;
      expect(boxed.map((grid) => grid.properties.id)).toContain(first.properties.id);
      expect(boxed.length).toBeLessThan(all.length);
      for (const grid of boxed) {
        const box = bboxOfGeometry(grid.geometry);
        expect(
          box[0] <= (inner[2] ?? 0) &&
            box[2] >= (inner[0] ?? 0) &&
            box[1] <= (inner[3] ?? 0) &&
            box[3] >= (inner[1] ?? 0),
        ).toBe(true);
      }
      expectError(await getJson(client, '/grids?community=no-such-community'), 400);
      expectError(await getJson(client, '/grids?bbox=1,2,3'), 400);
    });

    it('GET /cameras parses and ?bbox= keeps only cameras inside', async () => {
      const client = makeClient();
      const all = camerasSchema.parse((await getJson(client, '/cameras')).body).features;
      expect(all.length).toBeGreaterThan(0);
      const [longitude, latitude] = all[0]?.geometry.coordinates ?? [0, 0];
      const box = [longitude - 0.001, latitude - 0.001, longitude + 0.001, latitude + 0.001];
      const boxed = camerasSchema.parse(
        (await getJson(client, `/cameras?bbox=${box.join(',')}`)).body,
      ).features;
      expect(boxed.length).toBeGreaterThan(0);
      expect(boxed.length).toBeLessThanOrEqual(all.length);
      for (const camera of boxed) {
        const [x, y] = camera.geometry.coordinates;
        expect(x >= (box[0] ?? 0) && x <= (box[2] ?? 0) && y >= (box[1] ?? 0) && y <= (box[3] ?? 0)).toBe(
          true,
        );
      }
    });

    it('GET /cameras/{id} is the listed camera with where to watch it; an unknown id is 404 not_found', async () => {
      const client = makeClient();
      const all = camerasSchema.parse((await getJson(client, '/cameras')).body).features;
      // One camera of each status: an online camera streams, an offline one may not.
      const picked = cameraStatuses.flatMap((status) => {
        const camera = all.find((feature) => feature.properties.status === status);
        return camera ? [camera] : [];
      });
      expect(picked.length).toBeGreaterThan(0);
      for (const listed of picked) {
        const reply = await getJson(client, `/cameras/${encodeURIComponent(listed.properties.id)}`);
        expect(reply.status).toBe(200);
        const camera = cameraDetailSchema.parse(reply.body);
        const { streamUrl, snapshotUrl, ...properties } = camera.properties;
        expect(properties).toEqual(listed.properties);
        expect(camera.geometry.coordinates).toEqual(listed.geometry.coordinates);
        for (const url of [streamUrl, snapshotUrl]) if (url !== undefined) expect(url).not.toBe('');
        if (streamUrl !== undefined)
          expect(new URL(streamUrl, 'http://site.test').pathname).toMatch(/\.m3u8$/);
      }
      expectError(await getJson(client, '/cameras/no-such-camera'), 404, 'not_found');
      expectError(await getJson(client, '/cameras/a%00b'), 404, 'not_found');
    });

    it('GET /stations parses', async () => {
      const reply = await getJson(makeClient(), '/stations');
      expect(reply.status).toBe(200);
      expect(stationsSchema.parse(reply.body).features.length).toBeGreaterThan(0);
    });
  });
}
