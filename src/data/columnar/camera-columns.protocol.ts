import { DataError } from '../data-error';
import {
  CameraColumnsError,
  cameraColumnsOfWire,
  type CameraColumnsAnswer,
  type CameraColumnsProblem,
  decodeCameraColumns,
  type CameraColumnsWire,
} from '../../contract/columnar/camera-columns.decode';

/** The decoding worker's answer: the columns (transferred), or why the buffer was refused. */
export type CameraColumnsReply =
  { ok: true; wire: CameraColumnsWire } | { ok: false; reason: string; problem: CameraColumnsProblem };

/** The worker's logic, apart from `self` so that tests and worker-less runtimes call it in-process. */
export function decodeCameraColumnsReply(buffer: ArrayBuffer): {
  reply: CameraColumnsReply;
  transfer: Transferable[];
} {
  try {
    const wire = decodeCameraColumns(buffer);
    const arrays: ArrayBufferView[] = [
      wire.positions,
      wire.status,
      wire.purpose,
      wire.gridIndex,
      wire.idOffsets,
      wire.idBytes,
    ];
    if (wire.names) arrays.push(wire.names.codes);
    const transfer = arrays.map((array) => array.buffer);
    return { reply: { ok: true, wire }, transfer };
  } catch (error) {
    if (error instanceof CameraColumnsError)
      return { reply: { ok: false, reason: error.message, problem: error.problem }, transfer: [] };
    const problem: CameraColumnsProblem = { problem: 'other', field: 'columnar' };
    return { reply: { ok: false, reason: 'the buffer could not be decoded', problem }, transfer: [] };
  }
}

/** A refused buffer as the layer's error: kind 'format', the reason naming the block or column and the point. */
export function cameraColumnsResult(reply: CameraColumnsReply): CameraColumnsAnswer {
  if (!reply.ok)
    throw new DataError(
      'cameras',
      'format',
      `columnar cameras refused: ${reply.reason}`,
      undefined,
      undefined,
      {
        code: 'invalid-data',
        ...reply.problem,
      },
    );
  return cameraColumnsOfWire(reply.wire);
}

/**
 * Decode a received buffer in a short-lived worker (the buffer is transferred there, the columns back), so the
 * main thread never runs the per-point checks. Where there is no Worker (Node tests) it decodes in-process.
 */
export function decodeCameraColumnsOffThread(
  buffer: ArrayBuffer,
  signal?: AbortSignal,
): Promise<CameraColumnsAnswer> {
  if (typeof Worker === 'undefined')
    return Promise.resolve(cameraColumnsResult(decodeCameraColumnsReply(buffer).reply));
  const worker = new Worker(new URL('./camera-columns.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<CameraColumnsAnswer>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.addEventListener('message', (event: MessageEvent<CameraColumnsReply>) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      try {
        resolve(cameraColumnsResult(event.data));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.addEventListener('error', () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new DataError('cameras', 'format', 'columnar cameras: the decoding worker failed'));
    });
    worker.postMessage(buffer, { transfer: [buffer] });
  });
}
