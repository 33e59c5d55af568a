import type { FeatureCollection } from 'geojson';
import { DataError } from '../data-error';
import { describeUrl } from '../http';
import { reportRefusal } from '../session-credential';
import type { ResolvedSource } from '../provider';
import {
  saveGridsConflictSchema,
  saveGridsInvalidSchema,
  saveGridsOkSchema,
} from '../../contract/schemas/contract.schema';

export interface SaveGridsReason {
  gridId: string | null;
  reason: string;
}

/** The three answers of `PUT /grids` the planner acts on; anything else rejects with a DataError. */
export type SaveGridsResult =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; currentVersion: number }
  | { kind: 'invalid'; reasons: SaveGridsReason[] };

export interface SaveGridsRequest {
  communityId: string;
  baseVersion: number;
  grids: FeatureCollection;
}

async function bodyOf(response: Response, url: string): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new DataError('grids', 'format', `${describeUrl(url)} returned malformed JSON`, response.status);
  }
}

function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
  return (body: unknown, url: string, status: number): T => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw new DataError('grids', 'schema', `unexpected answer from ${describeUrl(url)}`, status);
  };
}

/**
 * `PUT {base}/grids?community=` (docs/api.md) with the version the plan was based on. 409 and 422 are answers,
 * not failures: the planner shows them and keeps the draft.
 */
export async function saveGrids(source: ResolvedSource, request: SaveGridsRequest): Promise<SaveGridsResult> {
  const base = source.url.replace(/\/+$/, '');
  const url = `${base}/grids?community=${encodeURIComponent(request.communityId)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...source.headers },
      body: JSON.stringify({ baseVersion: request.baseVersion, grids: request.grids }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError')
      throw new DataError('grids', 'timeout', `no answer from ${describeUrl(url)} within 30 s`);
    throw new DataError('grids', 'network', `cannot reach ${describeUrl(url)}`);
  }
  const { status } = response;
  if (status === 200) {
    const { version } = parsed(saveGridsOkSchema)(await bodyOf(response, url), url, status);
    return { kind: 'saved', version };
  }
  if (status === 409) {
    const body = parsed(saveGridsConflictSchema)(await bodyOf(response, url), url, status);
    return { kind: 'conflict', currentVersion: body.currentVersion };
  }
  if (status === 422) {
    const body = parsed(saveGridsInvalidSchema)(await bodyOf(response, url), url, status);
    return { kind: 'invalid', reasons: body.reasons };
  }
  if (status === 401 || status === 403)
    reportRefusal({ status, layer: 'grids', reason: await serverMessage(response) });
  throw new DataError('grids', 'http', `HTTP ${status} from ${describeUrl(url)}`, status);
}

/** The refusal's own words (`{"error","message"}`), or its status alone. */
async function serverMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
}
