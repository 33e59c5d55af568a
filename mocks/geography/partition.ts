/**
 * Cut a connected set of cells into connected groups of about the wanted sizes: each group grows from a seed by
 * breadth-first search, nearest cells first. Groups marked `core` are grown last, so the periphery is peeled off
 * first and the core (the urban streets and communities) ends up around the centre. Every group gets at least
 * one cell; cells a search could not reach are handed to an adjacent group.
 */
export interface GroupWish {
  size: number;
  core: boolean;
  /** The fewest cells the group may end with (default 1): a street needs one per community. */
  minimum?: number;
}

interface Graph {
  centre(cell: number): readonly [number, number];
  neighbours(cell: number): readonly number[];
}

const distance = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]);

function isConnectedWithout(members: Set<number>, removed: number, graph: Graph): boolean {
  const rest = [...members].filter((cell) => cell !== removed);
  if (rest.length === 0) return false;
  const seen = new Set([rest[0]]);
  const queue = [rest[0] ?? 0];
  while (queue.length > 0) {
    const cell = queue.pop() ?? 0;
    for (const next of graph.neighbours(cell)) {
      if (next !== removed && members.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.size === rest.length;
}

function largestPiece(free: ReadonlySet<number>, graph: Graph): number[] {
  const seen = new Set<number>();
  let largest: number[] = [];
  for (const start of free) {
    if (seen.has(start)) continue;
    const piece = [start];
    seen.add(start);
    for (let index = 0; index < piece.length; index++) {
      for (const next of graph.neighbours(piece[index] ?? start)) {
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

export function partitionCells(
  cells: readonly number[],
  wishes: readonly GroupWish[],
  centre: readonly [number, number],
  graph: Graph,
): number[][] {
  const free = new Set(cells);
  const owner = new Map<number, number>();
  const groups: Set<number>[] = wishes.map(() => new Set<number>());
  const order = wishes
    .map((wish, index) => ({ wish, index }))
    .sort((a, b) => Number(a.wish.core) - Number(b.wish.core));
  order.forEach(({ wish, index }, position) => {
    const group = groups[index] ?? new Set<number>();
    const last = position === order.length - 1;
    // Seed at the free cell farthest from the centre, in the largest free piece: peeling from outside keeps the
    // rest in one piece, and small stranded pieces are handed out at the end.
    let seed = -1;
    let farthest = -1;
    for (const cell of largestPiece(free, graph)) {
      const away = distance(graph.centre(cell), centre);
      if (away > farthest) {
        farthest = away;
        seed = cell;
      }
    }
    if (seed < 0) return;
    const target = last ? free.size : wish.size;
    const frontier = [seed];
    const queued = new Set([seed]);
    const seedCentre = graph.centre(seed);
    while (group.size < target && frontier.length > 0) {
      frontier.sort((a, b) => distance(graph.centre(b), seedCentre) - distance(graph.centre(a), seedCentre));
      const cell = frontier.pop() ?? seed;
      group.add(cell);
      free.delete(cell);
      owner.set(cell, index);
      for (const next of graph.neighbours(cell)) {
        if (free.has(next) && !queued.has(next)) {
          queued.add(next);
          frontier.push(next);
        }
      }
    }
  });
  // Cells no search reached join an adjacent group (repeat: a stranded island may border only other strays).
  for (let pass = 0; pass < 100 && free.size > 0; pass++) {
    for (const cell of [...free]) {
      const adjacent = graph.neighbours(cell).find((next) => owner.has(next));
      if (adjacent === undefined) continue;
      const index = owner.get(adjacent) ?? 0;
      groups[index]?.add(cell);
      owner.set(cell, index);
      free.delete(cell);
    }
  }
  if (free.size > 0)
    throw new Error(`cells ${[...free].join(', ')} touch no other cell and could not be placed`);
  // A group short of its minimum takes cells from adjacent groups that can spare one without falling apart.
  groups.forEach((group, index) => {
    const minimum = wishes[index]?.minimum ?? 1;
    while (group.size < minimum) {
      let best: number | undefined;
      let bestSurplus = 0;
      for (const cell of cells) {
        const from = owner.get(cell);
        if (from === undefined || from === index) continue;
        const donor = groups[from];
        const surplus = (donor?.size ?? 0) - (wishes[from]?.minimum ?? 1);
        if (!donor || surplus <= bestSurplus) continue;
        const touches = group.size === 0 || graph.neighbours(cell).some((next) => group.has(next));
        if (touches && isConnectedWithout(donor, cell, graph)) {
          best = cell;
          bestSurplus = surplus;
        }
      }
      if (best === undefined)
        throw new Error(`group ${index} could not reach its minimum of ${minimum} cells`);
      groups[owner.get(best) ?? 0]?.delete(best);
      group.add(best);
      owner.set(best, index);
    }
  });
  return groups.map((group) => [...group].sort((a, b) => a - b));
}
