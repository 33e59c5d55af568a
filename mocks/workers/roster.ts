import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import { workerId, type GridId } from '../../src/domain/ids';
import type { GridWorker } from '../../src/domain/workers';
import { workerName } from '../city/people';
import { createRandom, hashSeed } from '../city/random';

/**
 * The demo city's grid workers, derived from its grids: each grid's own worker is the one its `workerName` names;
 * the largest grids get a second (part-time) worker and some pairs of small village grids of one community share
 * one, so the roster comes to Jincheng's 4,639 workers for its 4,601 grids (shared/DOMAIN.md). A few are off
 * duty each day (leave, training): `day` (YYYY-MM-DD, China time) decides who.
 */
export const twoWorkerGrids = 58;
export const sharedGridPairs = 20;
/** The share of workers off duty on a given day. */
export const offDutyShare = 0.04;

export function rosterOf(grids: readonly GridFeature[], seed: number | string, day: string): GridWorker[] {
  const random = createRandom(hashSeed(seed, 'workers'));
  const bySize = [...grids].sort((a, b) => b.properties.households - a.properties.households);
  const withTwo = new Set(bySize.slice(0, twoWorkerGrids).map((grid) => grid.properties.id));
  const sharing = sharedPairs(bySize);
  const workers: GridWorker[] = [];
  const phone = () =>
    `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  const worker = (id: string, name: string, gridIds: GridId[], employment: GridWorker['employment']) => {
    workers.push({
      id: workerId(id),
      name,
      phone: phone(),
      gridIds,
      employment,
      onDuty: !createRandom(hashSeed(seed, 'duty', id, day)).chance(offDutyShare),
    });
  };
  for (const grid of grids) {
    const { id, workerName: name } = grid.properties;
    const partner = sharing.get(id);
    if (partner === null) continue;
    const gridIds = partner === undefined ? [id] : [id, partner];
    worker(`W${id}`, name || workerName(random), gridIds, partner === undefined ? 'full_time' : 'part_time');
    if (withTwo.has(id)) worker(`W${id}-2`, workerName(random), [id], 'part_time');
  }
  return workers;
}

/**
 * Pairs of the smallest suburban grids that share a community: the first of each pair keeps its worker for both
 * (mapped to its partner), the second has none of its own (mapped to null).
 */
function sharedPairs(bySize: readonly GridFeature[]): Map<string, GridId | null> {
  const pairs = new Map<string, GridId | null>();
  const waiting = new Map<string, GridFeature>();
  for (const grid of [...bySize].reverse()) {
    if (pairs.size >= sharedGridPairs * 2) break;
    if (grid.properties.type !== 'suburban') continue;
    const other = waiting.get(grid.properties.communityId);
    if (!other) {
      waiting.set(grid.properties.communityId, grid);
      continue;
    }
    waiting.delete(grid.properties.communityId);
    pairs.set(other.properties.id, grid.properties.id);
    pairs.set(grid.properties.id, null);
  }
  return pairs;
}
