/**
 * Per-cell lists of grid numbers built in one pass, as linked lists in growable typed arrays (millions of entries
 * for a province; a JS array per cell would cost far more memory and garbage). Grids are added in input order and
 * each list is prepended to, so a list reads newest first; `listInInputOrder` turns it back.
 */
export class CellLists {
  readonly heads: Int32Array;
  /** The last grid added to each cell, so one grid's many edges through a cell add it once. */
  readonly lastGrid: Int32Array;
  private next: Int32Array;
  private values: Int32Array;
  private size = 0;

  constructor(cellCount: number, expectedEntries: number) {
    this.heads = new Int32Array(cellCount).fill(-1);
    this.lastGrid = new Int32Array(cellCount).fill(-1);
    const capacity = Math.max(16, expectedEntries);
    this.next = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  add(cell: number, grid: number): void {
    if (this.lastGrid[cell] === grid) return;
    this.lastGrid[cell] = grid;
    if (this.size === this.values.length) this.grow();
    this.values[this.size] = grid;
    this.next[this.size] = this.heads[cell] ?? -1;
    this.heads[cell] = this.size;
    this.size += 1;
  }

  /** How many grids of the cell come before grid `before` in input order. */
  countBefore(cell: number, before: number): number {
    let count = 0;
    for (let entry = this.heads[cell] ?? -1; entry !== -1; entry = this.next[entry] ?? -1) {
      if ((this.values[entry] ?? 0) < before) count += 1;
    }
    return count;
  }

  /** Write those `count` grids into `into` from `at` on, in input order. */
  writeBefore(cell: number, before: number, into: Int32Array, at: number, count: number): void {
    let position = at + count;
    for (let entry = this.heads[cell] ?? -1; entry !== -1; entry = this.next[entry] ?? -1) {
      const grid = this.values[entry] ?? 0;
      if (grid < before) into[--position] = grid;
    }
  }

  private grow(): void {
    const next = new Int32Array(this.values.length * 2);
    next.set(this.next);
    this.next = next;
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }
}
