/**
 * Cut a connected set of cells into connected groups of about the wanted sizes. Each group grows from a seed cell
 * outward (nearest cells first, so groups are compact). Groups are grown from the outside in: the seed is the free
 * cell farthest from the centre, so what is left stays in one piece, and groups marked `core` (urban streets and
 * communities) go last and so end up round the centre. Every group ends connected and with at least its minimum.
 */
export interface GroupWish {
  size: number;
  core: boolean;
  /** The fewest cells the group may end with (default 1): a street needs one per community. */
  minimum?: number;
}

export interface CellNetwork {
  centre(cell: number): readonly [number, number];
  neighbours(cell: number): readonly number[];
}

const distance = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]);

function connectedWithout(members: ReadonlySet<number>, removed: number, network: CellNetwork): boolean {
  const start = [...members].find((cell) => cell !== removed);
  if (start === undefined) return false;
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of network.neighbours(stack.pop() ?? start)) {
      if (next !== removed && members.has(next) && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen.size === members.size - (members.has(removed) ? 1 : 0);
}

function largestPiece(free: ReadonlySet<number>, network: CellNetwork): number[] {
  const seen = new Set<number>();
  let largest: number[] = [];
  for (const start of free) {
    if (seen.has(start)) continue;
    const piece = [start];
    seen.add(start);
    for (let index = 0; index < piece.length; index++) {
      for (const next of network.neighbours(piece[index] ?? start)) {
        if (free.has(next) && !seen.has(next)) {
          seen.add(next);
          piece.push(next);
        }
      }
    }
    if (piece.length > largest.length) largest = piece;
  }
  return largest;
}

function grow(group: Set<number>, seed: number, target: number, free: Set<number>, network: CellNetwork) {
  const origin = network.centre(seed);
  const frontier = [seed];
  const queued = new Set([seed]);
  while (group.size < target && frontier.length > 0) {
    frontier.sort((a, b) => distance(network.centre(b), origin) - distance(network.centre(a), origin));
    const cell = frontier.pop() ?? seed;
    group.add(cell);
    free.delete(cell);
    for (const next of network.neighbours(cell)) {
      if (free.has(next) && !queued.has(next)) {
        queued.add(next);
        frontier.push(next);
      }
    }
  }
}

/** Move cells from neighbours that can spare one (stay above their minimum and in one piece) to a short group. */
function topUp(
  groups: Set<number>[],
  wishes: readonly GroupWish[],
  owner: Map<number, number>,
  network: CellNetwork,
) {
  groups.forEach((group, index) => {
    const minimum = wishes[index]?.minimum ?? 1;
    while (group.size < minimum) {
      let best: number | undefined;
      let bestSurplus = 0;
      for (const [cell, from] of owner) {
        const donor = groups[from];
        if (from === index || !donor) continue;
        const surplus = donor.size - (wishes[from]?.minimum ?? 1);
        if (surplus <= bestSurplus) continue;
        const touches = group.size === 0 || network.neighbours(cell).some((next) => group.has(next));
        if (touches && connectedWithout(donor, cell, network)) {
          best = cell;
          bestSurplus = surplus;
        }
      }
      if (best === undefined) throw new Error(`group ${index} cannot reach its minimum of ${minimum} cells`);
      groups[owner.get(best) ?? index]?.delete(best);
      group.add(best);
      owner.set(best, index);
    }
  });
}

export function partitionCells(
  cells: readonly number[],
  wishes: readonly GroupWish[],
  centre: readonly [number, number],
  network: CellNetwork,
): number[][] {
  const free = new Set(cells);
  const groups = wishes.map(() => new Set<number>());
  const order = wishes
    .map((wish, index) => ({ wish, index }))
    .sort((a, b) => Number(a.wish.core) - Number(b.wish.core));
  order.forEach(({ wish, index }, position) => {
    let seed = -1;
    let farthest = -1;
    for (const cell of largestPiece(free, network)) {
      const away = distance(network.centre(cell), centre);
      if (away > farthest) {
        farthest = away;
        seed = cell;
      }
    }
    const group = groups[index];
    if (seed >= 0 && group)
      grow(group, seed, position === order.length - 1 ? free.size : wish.size, free, network);
  });
  const owner = new Map<number, number>();
  groups.forEach((group, index) => {
    for (const cell of group) owner.set(cell, index);
  });
  // Cells no search reached (pieces cut off by earlier groups) join a neighbouring group.
  for (let pass = 0; pass < 1000 && free.size > 0; pass++) {
    for (const cell of [...free]) {
      const adjacent = network.neighbours(cell).find((next) => owner.has(next));
      if (adjacent === undefined) continue;
      const index = owner.get(adjacent) ?? 0;
      groups[index]?.add(cell);
      owner.set(cell, index);
      free.delete(cell);
    }
  }
  topUp(groups, wishes, owner, network);
  return groups.map((group) => [...group].sort((a, b) => a - b));
}
