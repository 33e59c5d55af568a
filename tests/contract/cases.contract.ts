import { describe, expect, it } from 'vitest';
import {
  casesSchema,
  gridsSchema,
  metaSchema,
  regionsSchema,
} from '../../src/contract/schemas/contract.schema';
import { expectError, iso } from './contract-expectations';
import { getJson, withHeaders, type ContractClient } from './contract-client';
import { decodeCaseColumns, type CaseColumnsWire } from '../../src/contract/columnar/case-columns.decode';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';

const decoder = new TextDecoder();
const idOf = (wire: CaseColumnsWire, row: number) =>
  decoder.decode(wire.idBytes.subarray(wire.idOffsets[row] ?? 0, wire.idOffsets[row + 1] ?? 0));

const dayMs = 86_400_000;

async function nowOf(client: ContractClient): Promise<number> {
  return Date.parse(metaSchema.parse((await getJson(client, '/meta')).body).dataTime);
}

async function casesOf(client: ContractClient, query: string) {
  const reply = await getJson(client, `/cases?${query}`);
  expect(reply.status).toBe(200);
  return casesSchema.parse(reply.body).features;
}

const windowQuery = (from: number, to: number) =>
  `from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(to))}`;

export function casesContract(makeClient: () => ContractClient): void {
  describe('cases', () => {
    it('?from=&to= returns only cases reported in [from, to), with a consistent state', async () => {
      const client = makeClient();
      const now = await nowOf(client);
      const from = now - 7 * dayMs;
      const cases = await casesOf(client, windowQuery(from, now));
      expect(cases.length).toBeGreaterThan(0);
      for (const { properties } of cases) {
        const reported = Date.parse(properties.reportedAt);
        expect(reported >= from && reported < now, properties.reportedAt).toBe(true);
        expect(Date.parse(properties.dueAt)).toBeGreaterThan(reported);
        const closed = properties.status === 'closed';
        expect(properties.closedAt !== null).toBe(closed);
        expect(properties.resolved !== null).toBe(closed);
        if (!closed) expect(properties.satisfaction).toBeNull();
      }
      const longer = await casesOf(client, windowQuery(now - 30 * dayMs, now));
      expect(longer.length).toBeGreaterThan(cases.length);
    });

    it('?status= and ?category= accept comma lists and filter', async () => {
      const client = makeClient();
      const now = await nowOf(client);
      const window = windowQuery(now - 60 * dayMs, now);
      const all = await casesOf(client, window);
      const open = await casesOf(client, `${window}&status=reported,filed,assigned,handling,feedback`);
      expect(open.length).toBeGreaterThan(0);
      expect(open.length).toBeLessThan(all.length);
      expect(open.every((item) => item.properties.status !== 'closed')).toBe(true);
      const picked = await casesOf(client, `${window}&category=dispute,safety_hazard`);
      expect(picked.length).toBeGreaterThan(0);
      expect(picked.length).toBeLessThan(all.length);
      expect(picked.every((item) => ['dispute', 'safety_hazard'].includes(item.properties.category))).toBe(
        true,
      );
    });

    it('?region= keeps cases inside a street or a grid; ?bbox= keeps points inside', async () => {
      const client = makeClient();
      const now = await nowOf(client);
      const window = windowQuery(now - 30 * dayMs, now);
      const regions = regionsSchema
        .parse((await getJson(client, '/regions')).body)
        .features.map((r) => r.properties);
      const grids = gridsSchema
        .parse((await getJson(client, '/grids')).body)
        .features.map((g) => g.properties);
      const parentOf = new Map(
        regions.map((region) => [region.id as string, region.parentId as string | null]),
      );
      const streetOfGrid = new Map(grids.map((grid) => [grid.id as string, parentOf.get(grid.communityId)]));
      const all = await casesOf(client, window);
      const sample = all[0];
      if (!sample?.properties.gridId) throw new Error('no case with a grid in the last 30 days');
      const street = streetOfGrid.get(sample.properties.gridId);
      const inStreet = await casesOf(client, `${window}&region=${street}`);
      expect(inStreet.length).toBeGreaterThan(0);
      expect(inStreet.every((item) => streetOfGrid.get(item.properties.gridId ?? '') === street)).toBe(true);
      expect(inStreet.length).toBe(
        all.filter((item) => streetOfGrid.get(item.properties.gridId ?? '') === street).length,
      );
      const inGrid = await casesOf(client, `${window}&region=${sample.properties.gridId}`);
      expect(inGrid.every((item) => item.properties.gridId === sample.properties.gridId)).toBe(true);

      const [longitude, latitude] = sample.geometry.coordinates;
      const box = [longitude - 0.002, latitude - 0.002, longitude + 0.002, latitude + 0.002];
      const boxed = await casesOf(client, `${window}&bbox=${box.join(',')}`);
      expect(boxed.map((item) => item.properties.id)).toContain(sample.properties.id);
      expect(boxed.length).toBeLessThan(all.length);
      for (const { geometry } of boxed) {
        const [x, y] = geometry.coordinates;
        expect(x >= (box[0] ?? 0) && x <= (box[2] ?? 0) && y >= (box[1] ?? 0) && y <= (box[3] ?? 0)).toBe(
          true,
        );
      }
    });

    it('answers 400 with {error, message} and the code docs/api.md names for bad parameters', async () => {
      const client = makeClient();
      expectError(await getJson(client, '/cases?from=yesterday'), 400, 'bad_parameter');
      expectError(await getJson(client, '/cases?region=no-such-region'), 400, 'unknown_region');
      expectError(await getJson(client, '/cases?status=lost'), 400, 'bad_parameter');
      expectError(await getJson(client, '/cases?category=dispute,unicorns'), 400, 'bad_parameter');
      expectError(await getJson(client, '/cases?from=2026-02-01&to=2026-01-01'), 400, 'bad_parameter');
      const tooMany = Array.from({ length: 201 }, (_, index) => `JC-${index}`).join(',');
      expectError(await getJson(client, `/cases?ids=${tooMany}`), 400, 'bad_parameter');
    });

    it('lists cases oldest first', async () => {
      const client = makeClient();
      const now = await nowOf(client);
      const reported = (await casesOf(client, windowQuery(now - 30 * dayMs, now))).map((item) =>
        Date.parse(item.properties.reportedAt),
      );
      expect(reported.length).toBeGreaterThan(1);
      expect(reported).toEqual([...reported].sort((a, b) => a - b));
    });

    it('?ids= keeps exactly the named cases, with the window still applied', async () => {
      const client = makeClient();
      const now = await nowOf(client);
      const window = windowQuery(now - 30 * dayMs, now);
      const all = await casesOf(client, window);
      const picked = [all[0], all[Math.floor(all.length / 2)], all[all.length - 1]].flatMap((item) =>
        item ? [item.properties.id] : [],
      );
      const got = await casesOf(client, `${window}&ids=${picked.join(',')},no-such-case`);
      expect(got.map((item) => item.properties.id)).toEqual(picked);
      const outside = await casesOf(
        client,
        `${windowQuery(now - 60 * dayMs, now - 30 * dayMs)}&ids=${picked.join(',')}`,
      );
      expect(outside).toEqual([]);
    });

    it('answers the columnar format when asked by Accept: the same cases in the same order', async () => {
      const client = makeClient();
      const now = await nowOf(client);
      const path = `/cases?${windowQuery(now - 7 * dayMs, now)}`;
      const json = await casesOf(client, windowQuery(now - 7 * dayMs, now));
      const response = await client.fetch(
        `${client.baseUrl}${path}`,
        withHeaders(client, { headers: { Accept: `${columnarMediaType}, application/json;q=0.5` } }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(columnarMediaType);
      const wire = decodeCaseColumns(await response.arrayBuffer());
      expect(wire.skipped).toBeUndefined();
      expect(Array.from({ length: wire.count }, (_, row) => idOf(wire, row))).toEqual(
        json.map((item) => item.properties.id),
      );
      const plain = await client.fetch(`${client.baseUrl}${path}`, withHeaders(client));
      expect(plain.headers.get('content-type')).toContain('json');
    });
  });
}
