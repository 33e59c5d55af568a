import type { CaseColumnsWire } from '../contract/columnar/case-columns.decode';
import type { CaseFeature } from '../contract/schemas/contract.schema';
import { CaseColumns, type PositionConverter } from './case-columns';

/**
 * The window's cases kept current: a fetched snapshot turned into columns once, then every streamed case applied
 * in place (dedupe by id). Streamed cases are remembered until a later snapshot surely holds them, so a refetch
 * (a new window, a resync after a drop) never loses a case the stream delivered while the fetch was in flight.
 * A snapshot is immutable per change, for React's useSyncExternalStore.
 */
export interface CaseArrival {
  id: string;
  row: number;
  /** When it arrived here (epoch ms). */
  at: number;
}

/** A streamed case and when it arrived here (epoch ms). */
export interface StreamedCase {
  feature: CaseFeature;
  at: number;
}

export interface LiveCasesSnapshot {
  columns: CaseColumns;
  /** Bumped on every change, so memos over the (mutable) columns know to recompute. */
  version: number;
  /** Cases new since the first snapshot of this window, newest last. */
  arrivals: readonly CaseArrival[];
}

/** A fetch may have started this long before it completed; streamed cases newer than that are re-applied. */
const fetchOverlapMs = 120_000;
const maxArrivals = 50;

export class LiveCases {
  private current: LiveCasesSnapshot = { columns: new CaseColumns([]), version: 0, arrivals: [] };
  private readonly streamed = new Map<string, StreamedCase>();
  private readonly listeners = new Set<() => void>();
  private windowKey: string | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): LiveCasesSnapshot => this.current;

  /**
   * A fresh snapshot of the window, from GeoJSON features or from columns decoded in a worker (the wire's arrays
   * are adopted, see CaseColumns.fromWire). Within the same window, cases it brings that were not there before count
   * as arrivals (that is how polling sees new cases); a new window starts with none.
   */
  reset(
    cases: readonly CaseFeature[] | CaseColumnsWire,
    gridIds: readonly string[],
    windowKey: string,
    fetchedAt: number,
    convert?: PositionConverter,
  ): void {
    const previous = this.windowKey === windowKey ? this.current.columns : null;
    this.windowKey = windowKey;
    const columns =
      'stage' in cases
        ? CaseColumns.fromWire(cases, gridIds, convert)
        : CaseColumns.from(cases, gridIds, convert);
    for (const [id, entry] of this.streamed) {
      if (entry.at < fetchedAt - fetchOverlapMs) this.streamed.delete(id);
      else columns.upsert(entry.feature);
    }
    let arrivals: CaseArrival[] = previous
      ? this.current.arrivals.filter((item) => columns.rowOf(item.id) !== undefined)
      : [];
    if (previous && previous.count > 0) {
      for (let row = 0; row < columns.count; row += 1) {
        const id = columns.idAt(row);
        if (id !== undefined && previous.rowOf(id) === undefined && !arrivals.some((item) => item.id === id))
          arrivals.push({ id, row, at: fetchedAt });
      }
    }
    arrivals = arrivals
      .map((item) => ({ ...item, row: columns.rowOf(item.id) ?? item.row }))
      .slice(-maxArrivals);
    this.publish({ columns, version: this.current.version + 1, arrivals });
  }

  /** One streamed case (new or changed). Returns whether it was new here. */
  apply(feature: CaseFeature, at: number): boolean {
    return this.applyAll([{ feature, at }]) > 0;
  }

  /**
   * Streamed cases in arrival order (a coalesced batch, see case-batch.ts), published once: one new snapshot and
   * one view derivation for the whole batch, every new case still an arrival of its own. Returns how many were new.
   */
  applyAll(batch: readonly StreamedCase[]): number {
    const arrivals = [...this.current.arrivals];
    let changed = false;
    let added = 0;
    for (const { feature, at } of batch) {
      this.streamed.set(feature.properties.id, { feature, at });
      const result = this.current.columns.upsert(feature);
      if (!result) continue;
      changed = true;
      if (!result.added) continue;
      added += 1;
      arrivals.push({ id: feature.properties.id, row: result.row, at });
    }
    if (changed)
      this.publish({
        columns: this.current.columns,
        version: this.current.version + 1,
        arrivals: added > 0 ? arrivals.slice(-maxArrivals) : this.current.arrivals,
      });
    return added;
  }

  private publish(next: LiveCasesSnapshot): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
