/**
 * The one rule for cases that lie in no grid of the city — outside the city, on ground no grid covers, or naming a
 * grid the city does not have: they count in no figure, neither the city's nor any unit's, so a unit's figures
 * stay the sum of its children's, as `GET /indicators` defines them (the server joins cases to grids, the mock and
 * the client indicators walk a case's grid path). They are not dropped either: the city's view keeps them in an
 * "outside the grids" bucket, and the cases tab, the KPI cards, the rankings and the map's legend each show its
 * count beside their own figures (docs/faults.md).
 *
 * Everything that counts cases asks this module, or (over columns) the grid row that stands for it: a case whose
 * `gridId` is not one of the city's grids has no row (-1) in the live columns.
 */

/** Whether a case with this grid id counts in the figures: it names one of the city's grids. */
export function isInGrids(gridId: string | null, cityGrids: ReadonlySet<string>): boolean {
  return gridId !== null && cityGrids.has(gridId);
}

export interface GridPartition<T> {
  /** The cases the figures count. */
  inGrids: T[];
  /** The bucket shown apart, with its count and a note. */
  outsideGrids: T[];
}

/** The cases split by the rule, each side in its original order. */
export function partitionByGrid<T extends { gridId: string | null }>(
  cases: readonly T[],
  cityGrids: ReadonlySet<string>,
): GridPartition<T> {
  const partition: GridPartition<T> = { inGrids: [], outsideGrids: [] };
  for (const item of cases)
    (isInGrids(item.gridId, cityGrids) ? partition.inGrids : partition.outsideGrids).push(item);
  return partition;
}
