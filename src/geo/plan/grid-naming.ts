import type { GridProperties, GridType } from '../../domain/grid';
import { gridId } from '../../domain/ids';
import type { Plan } from './plan';

const trailingSerial = /(\d+)$/;
const numberedName = /第\d+网格$/;

/**
 * A grid's serial within its community: the digits after the community id ("140502001001007" → 7 under community
 * "140502001001"; "C1-G7" → 7), not the whole numeric code.
 */
export function serialOf(id: string, communityId: string): number {
  const rest = id.startsWith(communityId) ? id.slice(communityId.length) : id;
  return Number(trailingSerial.exec(rest)?.[1] ?? 0);
}

/** The next `count` serials nobody in the plan uses (after the highest, so a deleted grid's id is not reused). */
export function nextSerials(plan: Plan, count: number): number[] {
  const highest = plan.grids.reduce(
    (max, grid) => Math.max(max, serialOf(grid.properties.id, plan.communityId)),
    0,
  );
  return Array.from({ length: count }, (_, index) => highest + 1 + index);
}

/**
 * A new grid's identity, in the convention of the grid registry: id "<community>-G<n>", code "<community><nnn>",
 * name "…第n网格" keeping the prefix of the grid it came from ("沙龙社区第3网格" → "沙龙社区第7网格").
 */
export function newGridProperties(
  plan: Plan,
  serial: number,
  from: { name: string; type: GridType },
  counts: { households: number; population: number },
): GridProperties {
  const prefix = numberedName.test(from.name) ? from.name.replace(numberedName, '') : '';
  return {
    id: gridId(`${plan.communityId}-G${serial}`),
    code: `${plan.communityId}${String(serial).padStart(3, '0')}`,
    name: `${prefix}第${serial}网格`,
    communityId: plan.communityId,
    type: from.type,
    households: counts.households,
    population: counts.population,
    workerName: '',
    version: 0,
  };
}
