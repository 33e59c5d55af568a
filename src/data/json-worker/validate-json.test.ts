import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import { parseJsonBody } from '../json-body';
import { gridsSchema } from '../../contract/schemas/contract.schema';
import { validateJsonReply, validatedResult, type ValidateJsonRequest } from './validate-json.protocol';

/** A row of square grids, as GET /grids answers them. */
function gridCollection(count: number) {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, index) => {
      const west = 112.5 + index * 0.01;
      return {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, 35.5],
              [west + 0.01, 35.5],
              [west + 0.01, 35.51],
              [west, 35.51],
              [west, 35.5],
            ],
          ],
        },
        properties: {
          id: `G${index}`,
          code: `G${index}`,
          name: `网格${index}`,
          communityId: 'C1',
          type: 'old_town',
          households: 300,
          population: 900,
          workerName: '网格员',
          version: 1,
        },
      };
    }),
  };
}

const url = '/api/grids?community=C1';
const request = (text: string): ValidateJsonRequest => ({
  schema: 'grids',
  layer: 'grids',
  url,
  status: 200,
  bytes: new TextEncoder().encode(text).buffer,
});

/** What the worker path gives, through a structured clone as postMessage makes one. */
function viaWorker(text: string) {
  return validatedResult<'grids'>('grids', structuredClone(validateJsonReply(request(text))));
}

function errorOf(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

/** The main thread's own path (fetchJson's parse and check), for comparison. */
const onMainThread = (text: string) => parseJsonBody({ layer: 'grids', url }, 200, text, gridsSchema);

describe('grids validated in the JSON worker', () => {
  it('gives the same grids as the main thread, after the clone back', () => {
    const text = JSON.stringify(gridCollection(50));
    const grids = viaWorker(text);
    expect(grids).toEqual(onMainThread(text));
    expect(grids.features[49]?.properties.id).toBe('G49');
    expect(grids.features[0]?.geometry.coordinates[0]?.[2]).toEqual([112.51, 35.51]);
  });

  it('leaves out a bad feature as the main thread does, naming its number, id and field', () => {
    const collection = gridCollection(5);
    const bad = collection.features[3]!;
    bad.properties = { ...bad.properties, type: 'castle' };
    const text = JSON.stringify(collection);
    const fromWorker = viaWorker(text);
    expect(fromWorker).toEqual(onMainThread(text));
    expect(fromWorker.features.map((grid) => grid.properties.id)).toEqual(['G0', 'G1', 'G2', 'G4']);
    expect(fromWorker.skipped).toEqual([{ number: 4, id: 'G3', problem: 'value', field: 'properties.type' }]);
  });

  it('refuses a document that is not a feature collection with the same DataError as the main thread', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: 'none' });
    const fromWorker = errorOf(() => viaWorker(text));
    const fromMain = errorOf(() => onMainThread(text));
    expect(fromWorker).toBeInstanceOf(DataError);
    expect(fromWorker.message).toBe(fromMain.message);
    expect(fromWorker.message).toMatch(/^grids: unexpected data at features/);
    expect(fromWorker.kind).toBe('schema');
    expect(fromWorker.status).toBe(200);
    expect(fromWorker.detail).toEqual(fromMain.detail);
  });

  it('refuses empty, malformed and HTML bodies as the main thread does', () => {
    for (const text of ['', '{"type":', '<!doctype html><p>sign in</p>']) {
      const fromWorker = errorOf(() => viaWorker(text));
      const fromMain = errorOf(() => onMainThread(text));
      expect([fromWorker.kind, fromWorker.message, fromWorker.detail]).toEqual([
        fromMain.kind,
        fromMain.message,
        fromMain.detail,
      ]);
    }
    // The reason names the path only, never the query string.
    expect(errorOf(() => viaWorker('{"type":')).message).toBe('grids: /api/grids returned malformed JSON');
  });
});
