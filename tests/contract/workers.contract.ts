import { describe, expect, it } from 'vitest';
import { gridsSchema, metaSchema } from '../../src/contract/schemas/contract.schema';
import {
  workerPositionsSchema,
  workersSchema,
  workerTrackSchema,
} from '../../src/contract/schemas/workers.schema';
import { formatChinaDay } from '../../src/domain/china-time';
import { getJson, type ContractClient } from './contract-client';

/**
 * The grid workers (docs/api.md), for a source whose meta says it serves them: the roster names known grids, every
 * worker has a position, a day's track is his and in time order, and the public roster is masked by the server.
 * A source that does not say so is never asked (the dashboard shows no worker), so there is nothing to hold it to.
 */
export function workersContract(makeClient: () => ContractClient): void {
  describe('grid workers', () => {
    it('serve a roster of known grids, a position for each worker, his track in order, and a masked roster', async () => {
      const client = makeClient();
      const meta = metaSchema.parse((await getJson(client, '/meta')).body);
      if (meta.workers !== true) {
        expect(meta.workers ?? false).toBe(false);
        return;
      }
      const roster = workersSchema.parse((await getJson(client, '/workers')).body).workers;
      const grids = new Set(
        gridsSchema.parse((await getJson(client, '/grids')).body).features.map((grid) => grid.properties.id),
      );
      expect(roster.length).toBeGreaterThan(0);
      expect(roster.flatMap((worker) => worker.gridIds).filter((id) => !grids.has(id))).toEqual([]);
      const positions = workerPositionsSchema.parse((await getJson(client, '/workers/positions')).body);
      expect(positions.features.map((feature) => feature.properties.id as string).sort()).toEqual(
        roster.map((worker) => worker.id as string).sort(),
      );

      const today = formatChinaDay(Date.parse(meta.dataTime));
      const worker = roster.find((entry) => entry.onDuty)!;
      const track = workerTrackSchema.parse(
        (await getJson(client, `/workers/${encodeURIComponent(worker.id)}/track?date=${today}`)).body,
      );
      expect(track.workerId).toBe(worker.id);
      expect(track.date).toBe(today);
      expect(track.points.every((point) => formatChinaDay(Date.parse(point.at)) === today)).toBe(true);
      expect(track.points.every((point) => Date.parse(point.at) <= Date.parse(meta.dataTime) + 60_000)).toBe(
        true,
      );
      expect((await getJson(client, `/workers/${worker.id}/track?date=tomorrow`)).status).toBe(400);

      const masked = (await getJson(client, '/workers?personal=masked')).body as {
        workers: { id: string; name: string; phone?: string }[];
      };
      const full = new Map(roster.map((entry) => [entry.id as string, entry]));
      for (const entry of masked.workers) {
        const name = Array.from(full.get(entry.id)?.name ?? '');
        expect(entry.phone ?? '').toBe('');
        expect(entry.name).toBe(
          name.length <= 1 ? '*'.repeat(name.length) : `${name[0]}${'*'.repeat(name.length - 1)}`,
        );
      }
      expect((await getJson(client, '/workers?personal=yes')).status).toBe(400);
    });
  });
}
