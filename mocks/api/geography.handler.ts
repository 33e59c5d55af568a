import { HttpResponse, http } from 'msw';
import {
  cameraDetailSchema,
  camerasSchema,
  departmentsSchema,
  metaSchema,
  regionsSchema,
  stationsSchema,
} from '../../src/contract/schemas/contract.schema';
import { pointInBbox } from '../../src/domain/case-filter';
import { acceptsColumnar } from '../../src/geo/columnar/negotiate';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { formatChinaTime } from '../../src/domain/china-time';
import { demoDepartments } from '../cases/departments';
import { camerasColumnar } from '../../src/contract/columnar/camera-columns.encode';
import type { MockState } from './mock-state';
import { answerBadParameters, readBbox } from './query-params';
import { respondValid } from './respond';
import { demoCameraStreams, unreachableStreamPath } from '../city/camera-streams';

/**
 * The static layers: meta, regions, cameras (and one camera with its stream) and stations, and the city's
 * department list. Only meta's data time moves with the clock.
 */
export function geographyHandlers(state: MockState) {
  const base = state.baseUrl;
  let camerasById: Map<string, (typeof state.city.cameras.features)[number]> | undefined;
  return [
    http.get(`${base}/meta`, () =>
      respondValid(state, 'metaSchema', metaSchema, {
        ...state.city.meta,
        dataTime: formatChinaTime(state.clock()),
        live: true,
        workers: true,
      }),
    ),
    http.get(`${base}/regions`, () =>
      respondValid(state, 'regionsSchema', regionsSchema, state.city.regions),
    ),
    http.get(`${base}/cameras`, ({ request }) =>
      answerBadParameters(() => {
        const box = readBbox(new URL(request.url).searchParams);
        const features = box
          ? state.city.cameras.features.filter(({ geometry: { coordinates } }) =>
              pointInBbox(box, coordinates[0], coordinates[1]),
            )
          : state.city.cameras.features;
        // Content negotiation: the binary columns only for a client that asks for them (docs/api.md).
        if (acceptsColumnar(request.headers.get('accept')))
          return new HttpResponse(camerasColumnar(features, box === undefined), {
            headers: { 'Content-Type': columnarMediaType, Vary: 'Accept' },
          });
        return respondValid(state, 'camerasSchema', camerasSchema, { type: 'FeatureCollection', features });
      }),
    ),
    http.get(`${base}/cameras/:id`, ({ params }) => {
      camerasById ??= new Map(state.city.cameras.features.map((camera) => [camera.properties.id, camera]));
      const id = String(params.id);
      const camera = camerasById.get(id);
      if (!camera)
        return HttpResponse.json({ error: 'not_found', message: `no camera ${id}` }, { status: 404 });
      return respondValid(state, 'cameraDetailSchema', cameraDetailSchema, {
        ...camera,
        properties: { ...camera.properties, ...demoCameraStreams(camera.properties) },
      });
    }),
    // The video platform has nothing for a camera at fault: a 404, as a platform would answer, rather than the
    // dashboard's own page that a static server sends for any path it lacks.
    http.all(`${unreachableStreamPath}/*`, () =>
      HttpResponse.json({ error: 'not_found', message: 'no stream for this camera' }, { status: 404 }),
    ),
    http.get(`${base}/stations`, () =>
      respondValid(state, 'stationsSchema', stationsSchema, state.city.stations),
    ),
    http.get(`${base}/departments`, () =>
      respondValid(state, 'departmentsSchema', departmentsSchema, {
        departments: demoDepartments.map(({ id, name, categories }) => ({ id, name, categories })),
      }),
    ),
  ];
}
