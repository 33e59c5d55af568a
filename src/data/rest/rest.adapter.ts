import type { ProviderAdapter } from '../adapters/adapter';
import { cameraColumnsOf } from '../../domain/camera-columns';
import { columnarMediaType } from '../../geo/columnar/points-columnar';
import { decodeCameraColumnsOffThread } from '../columnar/camera-columns.protocol';
import { decodeCaseColumnsOffThread } from '../columnar/case-columns.protocol';
import { fetchJson, fetchNegotiated } from '../http';
import { subscribeCaseStream } from './case-stream';
import { headerEventSource } from './header-event-source';
import { saveGrids } from './save-grids';
import { fetchJsonOffThread } from '../json-worker/validate-json.protocol';
import type { Bbox, CaseQuery, ResolvedSource } from '../provider';
import {
  cameraDetailSchema,
  camerasSchema,
  casesSchema,
  indicatorsSchema,
  metaSchema,
  regionsSchema,
  stationsSchema,
  departmentsSchema,
} from '../../contract/schemas/contract.schema';
import {
  workerPositionsSchema,
  workersSchema,
  workerTrackSchema,
} from '../../contract/schemas/workers.schema';

function endpoint(source: ResolvedSource, path: string, params: Record<string, string | undefined>): string {
  const base = source.url.replace(/\/+$/, '');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, value);
  const query = search.toString();
  return `${base}${path}${query ? `?${query}` : ''}`;
}

const bboxParam = (bbox: Bbox | undefined): string | undefined => bbox?.join(',');

const casesUrl = (source: ResolvedSource, query: CaseQuery): string =>
  endpoint(source, '/cases', {
    from: query.from,
    to: query.to,
    bbox: bboxParam(query.bbox),
    status: query.status?.join(','),
    category: query.category?.join(','),
    region: query.region,
    ids: query.ids?.join(','),
  });

/**
 * Gridboard's own REST contract (docs/api.md): one GET per layer under the source's base URL. It expresses every
 * layer, filters cases by region on the server, and serves indicators computed where all the data lives.
 */
export const restAdapter: ProviderAdapter = {
  kind: 'rest',
  filtersCasesByRegion: true,
  meta: ({ source, signal }) =>
    fetchJson({ ...source, url: endpoint(source, '/meta', {}), signal }, metaSchema),
  regions: ({ source, signal }) =>
    fetchJson({ ...source, url: endpoint(source, '/regions', {}), signal }, regionsSchema),
  // A province's 70,000 grids are validated in a worker (≈ 0.5 s of zod the first map would wait on otherwise).
  grids: ({ source, signal }, query) =>
    fetchJsonOffThread(
      {
        ...source,
        url: endpoint(source, '/grids', { community: query.community, bbox: bboxParam(query.bbox) }),
        signal,
      },
      'grids',
    ),
  cameras: ({ source, signal }, query) =>
    fetchJson(
      { ...source, url: endpoint(source, '/cameras', { bbox: bboxParam(query.bbox) }), signal },
      camerasSchema,
    ),
  cameraColumns: async ({ source, signal }, query) => {
    const url = endpoint(source, '/cameras', { bbox: bboxParam(query.bbox) });
    const answer = await fetchNegotiated({ ...source, url, signal }, columnarMediaType, camerasSchema);
    if (answer.kind === 'json') {
      const { skipped } = answer.body;
      return { ...cameraColumnsOf(answer.body.features), crs: null, ...(skipped && { skipped }) };
    }
    return decodeCameraColumnsOffThread(answer.body, signal);
  },
  camera: ({ source, signal }, id) =>
    fetchJson(
      { ...source, url: endpoint(source, `/cameras/${encodeURIComponent(id)}`, {}), signal },
      cameraDetailSchema,
    ),
  stations: ({ source, signal }) =>
    fetchJson({ ...source, url: endpoint(source, '/stations', {}), signal }, stationsSchema),
  departments: ({ source, signal }) =>
    fetchJson({ ...source, url: endpoint(source, '/departments', {}), signal }, departmentsSchema),
  cases: ({ source, signal }, query) =>
    fetchJson({ ...source, url: casesUrl(source, query), signal }, casesSchema),
  caseColumns: async ({ source, signal }, query) => {
    const answer = await fetchNegotiated(
      { ...source, url: casesUrl(source, query), signal },
      columnarMediaType,
      casesSchema,
    );
    if (answer.kind === 'json') return { kind: 'features', collection: answer.body };
    return { kind: 'columns', wire: await decodeCaseColumnsOffThread(answer.body, signal) };
  },
  // The browser's EventSource sends no headers: a source with headers (the session's token) streams over fetch.
  caseStream: (source, live) =>
    live
      ? (handlers) =>
          subscribeCaseStream({
            ...handlers,
            url: endpoint(source, '/cases/stream', {}),
            ...(Object.keys(source.headers).length > 0 && { openSource: headerEventSource(source.headers) }),
          })
      : undefined,
  saveGrids: ({ source }, request) => saveGrids(source, request),
  workers: ({ source, signal }, query) =>
    fetchJson(
      { ...source, url: endpoint(source, '/workers', { personal: query.personal }), signal },
      workersSchema,
    ),
  workerPositions: ({ source, signal }) =>
    fetchJson({ ...source, url: endpoint(source, '/workers/positions', {}), signal }, workerPositionsSchema),
  workerTrack: ({ source, signal }, query) =>
    fetchJson(
      {
        ...source,
        url: endpoint(source, `/workers/${encodeURIComponent(query.workerId)}/track`, { date: query.date }),
        signal,
      },
      workerTrackSchema,
    ),
  indicators: ({ source, signal }, query) =>
    fetchJson(
      {
        ...source,
        url: endpoint(source, '/indicators', {
          region: query.region,
          from: query.from,
          to: query.to,
          interval: query.interval,
        }),
        signal,
      },
      indicatorsSchema,
    ),
};
