import type { CaseColumns } from './case-columns';
import type { CaseSelection, CaseWeight } from './case-selection';
import type { CaseView } from './case-view';
import { patchBuffers, rowPatchOf, viewColumnsWire, wireColumns } from './case-view-columns';
import { createCaseViewHandler, type CaseViewReply, type CaseViewRequest } from './case-view.protocol';

/** The part of `Worker` the client uses; tests and the bench supply one that calls the handler in-process. */
export interface CaseViewPort {
  postMessage(message: CaseViewRequest, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CaseViewReply>) => void): void;
  terminate(): void;
}

/** A view and the live columns its rows point into (a refetch brings new columns; rows are not shared). */
export interface AnsweredView {
  view: CaseView;
  columns: CaseColumns;
  /** The data version the request was made at. */
  version: number;
}

interface Wanted {
  columns: CaseColumns;
  version: number;
  selection: CaseSelection;
  weight: CaseWeight;
  deliver: (answer: AnsweredView) => void;
}

/**
 * The main thread's side of the view worker. Its work per change is small and bounded: the rows streamed cases
 * wrote since the last request, and the request itself. The columns are copied once per snapshot, one column a
 * task. Latest wins:
 * while the worker derives one view, newer requests wait as one (the newest); answers are never reordered.
 */
export class CaseViewClient {
  private nextRequestId = 1;
  private generation = 0;
  private synced: { columns: CaseColumns; written: number } | null = null;
  private readonly columnsOf = new Map<number, CaseColumns>();
  private inFlight: { requestId: number; wanted: Wanted } | null = null;
  private waiting: Wanted | null = null;
  private opened: CaseViewPort | null = null;
  private outbox: { message: CaseViewRequest; transfer: Transferable[]; yieldAfter: boolean }[] = [];
  private pumpScheduled = false;

  /** `open` starts the worker, on the first request (and again after `dispose`). */
  constructor(private readonly open: () => CaseViewPort) {}

  /** A client over a real module worker; Vite bundles the worker from this URL. */
  static inWorker(): CaseViewClient {
    if (typeof Worker === 'undefined') return new CaseViewClient(inProcessPort);
    return new CaseViewClient(
      () => new Worker(new URL('./case-view.worker.ts', import.meta.url), { type: 'module' }),
    );
  }

  /** Ask for the view of `columns` (at `version`) under a selection; `deliver` gets it, or a newer one, later. */
  request(
    columns: CaseColumns,
    version: number,
    selection: CaseSelection,
    weight: CaseWeight,
    deliver: (answer: AnsweredView) => void,
  ): void {
    this.sync(columns);
    const wanted = { columns, version, selection, weight, deliver };
    if (this.inFlight) this.waiting = wanted;
    else this.send(wanted);
  }

  /** Stop the worker and forget what it held; a later request starts a new one and sends the columns again. */
  dispose(): void {
    this.opened?.terminate();
    this.opened = null;
    this.synced = null;
    this.outbox = [];
    this.inFlight = null;
    this.waiting = null;
  }

  private get port(): CaseViewPort {
    if (!this.opened) {
      const port = this.open();
      port.addEventListener('message', (event) => this.answered(event.data));
      this.opened = port;
    }
    return this.opened;
  }

  /** Bring the worker's copy up to date: all columns for new ones, else the rows written since last time. */
  private sync(columns: CaseColumns): void {
    if (this.synced?.columns !== columns) {
      this.generation += 1;
      this.columnsOf.set(this.generation, columns);
      for (const generation of this.columnsOf.keys())
        if (generation < this.generation - 1) this.columnsOf.delete(generation);
      this.synced = { columns, written: columns.writtenRows.length };
      const generation = this.generation;
      this.post({ kind: 'columns', generation, count: columns.count }, []);
      // One column a task: each clone is one column's copy, not a long task for all of them.
      for (const column of wireColumns(viewColumnsWire(columns)))
        this.post({ kind: 'column', generation, column }, [], true);
      return;
    }
    const written = columns.writtenRows.length;
    if (written === this.synced.written) return;
    const patch = rowPatchOf(columns, columns.writtenRows.slice(this.synced.written));
    this.synced.written = written;
    this.post({ kind: 'rows', generation: this.generation, patch }, patchBuffers(patch));
  }

  private send(wanted: Wanted): void {
    const requestId = this.nextRequestId++;
    this.inFlight = { requestId, wanted };
    this.post(
      {
        kind: 'view',
        requestId,
        generation: this.generation,
        selection: wanted.selection,
        weight: wanted.weight,
      },
      [],
    );
  }

  /**
   * Messages leave in order through one queue; after a message marked `yieldAfter` the rest wait for the next
   * task, so the page can paint and handle input between the columns' clones.
   */
  private post(message: CaseViewRequest, transfer: Transferable[], yieldAfter = false): void {
    this.outbox.push({ message, transfer, yieldAfter });
    if (!this.pumpScheduled) this.pump();
  }

  private pump(): void {
    this.pumpScheduled = false;
    while (this.outbox.length > 0) {
      const item = this.outbox.shift();
      if (!item) break;
      this.port.postMessage(item.message, { transfer: item.transfer });
      if (item.yieldAfter && this.outbox.length > 0) {
        this.pumpScheduled = true;
        setTimeout(() => this.pump(), 0);
        return;
      }
    }
  }

  private answered(reply: CaseViewReply): void {
    const current = this.inFlight;
    if (!current || current.requestId !== reply.requestId) return;
    this.inFlight = null;
    const columns = this.columnsOf.get(reply.generation);
    if (columns) current.wanted.deliver({ view: reply.view, columns, version: current.wanted.version });
    const next = this.waiting;
    this.waiting = null;
    if (next) this.send(next);
  }
}

/**
 * Where there is no Worker (Node, jsdom): the same handler in-process, answering in a microtask. Messages are
 * cloned both ways as postMessage would, so the handler never shares an array with the live columns.
 */
export function inProcessPort(): CaseViewPort {
  const handle = createCaseViewHandler();
  const listeners: ((event: MessageEvent<CaseViewReply>) => void)[] = [];
  let open = true;
  return {
    postMessage: (message, { transfer }) => {
      const answer = handle(cloned(message, transfer));
      if (!answer) return;
      const reply = cloned(answer.reply, answer.transfer);
      queueMicrotask(() => {
        if (!open) return;
        for (const listener of listeners) listener({ data: reply } as MessageEvent<CaseViewReply>);
      });
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    terminate: () => {
      open = false;
    },
  };
}

function cloned<T>(message: T, transfer: Transferable[]): T {
  return typeof structuredClone === 'function' ? structuredClone(message, { transfer }) : message;
}
