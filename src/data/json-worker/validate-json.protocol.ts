import type { z } from 'zod';
import type { LayerKind } from '../../domain/runtime-config';
import { DataError, type DataErrorDetail, type DataErrorKind } from '../data-error';
import { describeUrl } from '../describe-url';
import { fetchJsonBytes, type HttpSource } from '../http';
import { parseJsonBody } from '../json-body';
import type { PartialLayer } from '../partial-layer';
import { gridsSchema } from '../../contract/schemas/contract.schema';

/**
 * The schemas the validation worker knows, by name: a zod schema cannot be posted to a worker, so the worker
 * imports them. Grids only for now: a province's 70,000 grids are the one answer large enough to matter.
 */
export const workerSchemas = { grids: gridsSchema } as const;
export type WorkerSchemaName = keyof typeof workerSchemas;
/** What the worker gives back: the schema's output, with the features it left out (src/data/partial-layer.ts). */
export type WorkerSchemaOutput<N extends WorkerSchemaName> = z.output<(typeof workerSchemas)[N]> &
  PartialLayer;

/**
 * Answers at least this large are parsed and validated in a worker. Below it the worker's start (a module load,
 * tens of ms) costs about what it saves (zod takes ≈ 7–8 µs a grid, a grid is ≈ 300–500 bytes of JSON).
 */
export const offThreadMinBytes = 1_048_576;

export interface ValidateJsonRequest {
  schema: WorkerSchemaName;
  layer: LayerKind;
  url: string;
  status: number;
  /** The answer's bytes, transferred to the worker. */
  bytes: ArrayBuffer;
}

/**
 * The worker's answer: the validated data as JSON text, or the DataError's parts to rebuild it. Text, not the
 * objects: a string crosses as one copy, and JSON.parse builds 70,000 grids on the main thread in about two thirds
 * of the time the structured-clone deserialiser takes for the same objects (docs/performance.md).
 */
export type ValidateJsonReply =
  | { ok: true; json: string }
  | { ok: false; kind: DataErrorKind; reason: string; status?: number; detail?: DataErrorDetail };

/** The worker's logic, apart from `self` so that tests and worker-less runtimes call it in-process. */
export function validateJsonReply(request: ValidateJsonRequest): ValidateJsonReply {
  try {
    const text = new TextDecoder().decode(request.bytes);
    const data = parseJsonBody(request, request.status, text, workerSchemas[request.schema]);
    // The validated output (zod's transforms applied) is plain JSON data: it came from JSON.
    return { ok: true, json: JSON.stringify(data) };
  } catch (error) {
    if (error instanceof DataError)
      return {
        ok: false,
        kind: error.kind,
        reason: error.reason,
        status: error.status,
        detail: error.detail,
      };
    return { ok: false, kind: 'format', reason: `${describeUrl(request.url)} could not be validated` };
  }
}

/** A reply as what `fetchJson` gives: the data, or the same DataError the main thread would have thrown. */
export function validatedResult<N extends WorkerSchemaName>(
  layer: LayerKind,
  reply: ValidateJsonReply,
): WorkerSchemaOutput<N> {
  if (!reply.ok) throw new DataError(layer, reply.kind, reply.reason, reply.status, undefined, reply.detail);
  // The worker's output of workerSchemas[N], written as JSON: parsing it gives the same data back.
  return JSON.parse(reply.json) as WorkerSchemaOutput<N>;
}

/**
 * `fetchJson` for a large answer: the bytes are fetched here, then decoded, parsed and checked with the named
 * contract schema in a short-lived worker (the bytes transferred there, the validated data back as JSON text), so
 * the main thread does not spend the half second or more zod takes over 70,000 grids. Small answers, and runtimes
 * without Worker (Node tests), are parsed in-process by the same `parseJsonBody`. Errors are the same DataErrors,
 * naming the layer and the feature.
 */
export async function fetchJsonOffThread<N extends WorkerSchemaName>(
  source: HttpSource,
  schema: N,
): Promise<WorkerSchemaOutput<N>> {
  const { bytes, status } = await fetchJsonBytes(source);
  if (bytes.byteLength < offThreadMinBytes || typeof Worker === 'undefined')
    return parseJsonBody(
      source,
      status,
      new TextDecoder().decode(bytes),
      workerSchemas[schema] as z.ZodType,
    ) as WorkerSchemaOutput<N>;
  const request: ValidateJsonRequest = { schema, layer: source.layer, url: source.url, status, bytes };
  return validateInWorker<N>(request, source.signal);
}

function validateInWorker<N extends WorkerSchemaName>(
  request: ValidateJsonRequest,
  signal?: AbortSignal,
): Promise<WorkerSchemaOutput<N>> {
  const worker = new Worker(new URL('./validate-json.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<WorkerSchemaOutput<N>>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ValidateJsonReply>) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      try {
        resolve(validatedResult<N>(request.layer, event.data));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.addEventListener('error', () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(
        new DataError(
          request.layer,
          'format',
          `${describeUrl(request.url)}: the validating worker failed`,
          request.status,
        ),
      );
    });
    worker.postMessage(request, { transfer: [request.bytes] });
  });
}
