import { allocateCaseViewArrays } from '../contract/columnar/case-column-table';
import type { CaseSelection, CaseWeight } from './case-selection';
import { caseViewOf, type CaseView } from './case-view';
import {
  ViewColumnsStore,
  wireOf,
  type RowPatch,
  type ViewColumnsWire,
  type WireColumn,
} from './case-view-columns';

/**
 * The view worker's messages. The columns go once per snapshot (`columns`, a new `generation`, then each `column`
 * in a message of its own), streamed cases
 * as the rows they wrote (`rows`), and each change of filters, frame, region or data as a `view` request, answered
 * with the view: the selection and packed points as transferred typed arrays, the lists and the funnel as small
 * objects. Messages are handled in order, so a view always sees every row sent before it.
 */
export type CaseViewRequest =
  | { kind: 'columns'; generation: number; count: number }
  | { kind: 'column'; generation: number; column: WireColumn }
  | { kind: 'rows'; generation: number; patch: RowPatch }
  | { kind: 'view'; requestId: number; generation: number; selection: CaseSelection; weight: CaseWeight };

export interface CaseViewReply {
  requestId: number;
  /** The snapshot the view was derived from. */
  generation: number;
  view: CaseView;
}

/** The worker's logic, apart from `self` so that tests, the bench and worker-less runtimes call it in-process. */
export function createCaseViewHandler(): (
  request: CaseViewRequest,
) => { reply: CaseViewReply; transfer: ArrayBuffer[] } | null {
  let store: ViewColumnsStore | null = null;
  let generation = -1;
  let arriving: { count: number; columns: Map<string, WireColumn['array']> } | null = null;
  /** The new snapshot's store once all its columns are in (they come before any rows or view that need them). */
  const complete = () => {
    const wire = arriving ? wireOf(arriving.count, arriving.columns) : null;
    if (!wire) return;
    store = new ViewColumnsStore(wire);
    arriving = null;
  };
  return (request) => {
    if (request.kind === 'columns') {
      store = null;
      arriving = { count: request.count, columns: new Map() };
      generation = request.generation;
      return null;
    }
    if (request.kind === 'column') {
      if (arriving && request.generation === generation)
        arriving.columns.set(request.column.name, request.column.array);
      complete();
      return null;
    }
    if (request.kind === 'rows') {
      if (store && request.generation === generation) store.apply(request.patch);
      return null;
    }
    const columns = store ?? new ViewColumnsStore(emptyWire());
    const view = caseViewOf(columns, request.selection, request.weight);
    return { reply: { requestId: request.requestId, generation, view }, transfer: viewBuffers(view) };
  };
}

/** The view's large arrays, each buffer once (the heat is the points themselves when every case counts). */
export function viewBuffers(view: CaseView): ArrayBuffer[] {
  const arrays = [view.rows, view.points.positions, view.points.stage, view.heat.positions, view.heat.stage];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

function emptyWire(): ViewColumnsWire {
  return { count: 0, ...allocateCaseViewArrays(0), stageEntered: [] };
}
