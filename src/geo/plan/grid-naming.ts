import type { GridProperties, GridType } from '../../domain/grid';
import { gridId } from '../../domain/ids';
import { serialOf, type Plan } from './plan';

const numberedName = /第\d+网格$/;

/**
 * The next `count` serials nobody in the plan uses, above the highest in the plan and on the server, so the id of
 * a grid deleted in the draft is not reused.
 */
export function nextSerials(plan: Plan, count: number): number[] {
  const highest = plan.grids.reduce(
    (max, grid) => Math.max(max, serialOf(grid.properties.id, plan.communityId)),
    plan.serialFloor ?? 0,
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
