import { caseValueArrayList } from '../../contract/columnar/case-column-table';
import { DataError } from '../data-error';
import {
  CaseColumnsError,
  type CaseColumnsProblem,
  type CaseColumnsWire,
  decodeCaseColumns,
} from '../../contract/columnar/case-columns.decode';

/** The decoding worker's answer: the columns (transferred), or why the buffer was refused. */
export type CaseColumnsReply =
  { ok: true; wire: CaseColumnsWire } | { ok: false; reason: string; problem: CaseColumnsProblem };

/** The worker's logic, apart from `self` so that tests and worker-less runtimes call it in-process. */
export function decodeCaseColumnsReply(buffer: ArrayBuffer): {
  reply: CaseColumnsReply;
  transfer: Transferable[];
} {
  try {
    const wire = decodeCaseColumns(buffer);
    const arrays: ArrayBufferView[] = [
      wire.positions,
      ...caseValueArrayList(wire),
      wire.idOffsets,
      wire.idBytes,
      wire.idTable,
    ];
    if (wire.gridCodes) arrays.push(wire.gridCodes);
    return { reply: { ok: true, wire }, transfer: arrays.map((array) => array.buffer) };
  } catch (error) {
    if (error instanceof CaseColumnsError)
      return { reply: { ok: false, reason: error.message, problem: error.problem }, transfer: [] };
    const problem: CaseColumnsProblem = { problem: 'other', field: 'columnar' };
    return { reply: { ok: false, reason: 'the buffer could not be decoded', problem }, transfer: [] };
  }
}

/** A refused buffer as the cases layer's error: kind 'format', the reason naming the block or column and the case. */
export function caseColumnsResult(reply: CaseColumnsReply): CaseColumnsWire {
  if (!reply.ok)
    throw new DataError('cases', 'format', `columnar cases refused: ${reply.reason}`, undefined, undefined, {
      code: 'invalid-data',
      ...reply.problem,
    });
  return reply.wire;
}

/**
 * Decode a received buffer in a short-lived worker (the buffer is transferred there, the columns back), so the
 * main thread never runs the per-case checks. Where there is no Worker (Node tests) it decodes in-process.
 */
export function decodeCaseColumnsOffThread(
  buffer: ArrayBuffer,
  signal?: AbortSignal,
): Promise<CaseColumnsWire> {
  if (typeof Worker === 'undefined')
    return Promise.resolve(caseColumnsResult(decodeCaseColumnsReply(buffer).reply));
  const worker = new Worker(new URL('./case-columns.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<CaseColumnsWire>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.addEventListener('message', (event: MessageEvent<CaseColumnsReply>) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      try {
        resolve(caseColumnsResult(event.data));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.addEventListener('error', () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new DataError('cases', 'format', 'columnar cases: the decoding worker failed'));
    });
    worker.postMessage(buffer, { transfer: [buffer] });
  });
}
