import { expect } from 'vitest';
import type { AreaGeometry } from '../../src/contract/schemas/geojson.schema';
import type { JsonReply } from './contract-client';

/** An error reply of the contract: the status, and a body with a code and a sentence. */
export function expectError(reply: JsonReply, status: number, code?: string): void {
  expect(reply.status).toBe(status);
  const body = typeof reply.body === 'object' && reply.body !== null ? reply.body : {};
  expect('error' in body && typeof body.error === 'string').toBe(true);
  if (code !== undefined) expect('error' in body ? body.error : undefined).toBe(code);
  if (status === 400) expect('message' in body && typeof body.message === 'string').toBe(true);
}

export function bboxOfGeometry(geometry: AreaGeometry): [number, number, number, number] {
  const rings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0] ?? []]
      : geometry.coordinates.map((p) => p[0] ?? []);
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [longitude, latitude] of ring) {
      box[0] = Math.min(box[0], longitude);
      box[1] = Math.min(box[1], latitude);
      box[2] = Math.max(box[2], longitude);
      box[3] = Math.max(box[3], latitude);
    }
  }
  return box;
}

/** The "now" of the server, from meta's data time, so windows are chosen where the data is. */
export const iso = (ms: number): string => new Date(ms).toISOString();
