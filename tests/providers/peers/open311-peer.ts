import type { CaseCategory, CaseStage } from '../../../src/domain/case';
import type { CaseFeature } from '../../../src/contract/schemas/contract.schema';
import type { PeerCity } from '../fixtures/peer-city';
import { sendJson, startPeerServer, type PeerOptions, type PeerServer } from './peer-server';
import { demoDepartment } from '../../../mocks/cases/departments';

/**
 * A GeoReport v2 server for the Open311 adapter: `services.json` and `requests.json` over the peer city's cases,
 * with the rules real servers enforce — windows of at most 90 days (400 beyond), `page`/`page_size` paging, a
 * required jurisdiction — and the shapes they send: string ids, offsets in times, null descriptions, numeric
 * strings for coordinates, trailing spaces in URLs, and the specification's own example with `"service_code":006`.
 */
export const jurisdiction = 'demo.gridboard.test';
export const serviceCodes: Record<CaseCategory, string> = {
  dispute: '001',
  safety_hazard: '002',
  livelihood: '003',
  environment: '004',
  property: '005',
  stability: '007',
  patrol_task: '008',
};
const stageNotes: Record<Exclude<CaseStage, 'closed'>, string> = {
  reported: '已受理',
  filed: '已立案',
  assigned: '已派单',
  handling: '已派单，正在处置',
  feedback: '已反馈，等待回访',
};

/** The specification's example response, verbatim in its quirks (the `006` is not valid JSON). */
export const specExample = `[{"service_request_id":638344,"status":"closed","status_notes":"Duplicate request.","service_name":"Sidewalk and Curb Issues","service_code":006,"description":null,"agency_responsible":null,"service_notice":null,"requested_datetime":"2010-04-14T06:37:38-08:00","updated_datetime":"2010-04-14T06:37:38-08:00","expected_datetime":"2010-04-15T06:37:38-08:00","address":"8TH AVE and JUDAH ST","address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg "},{"service_request_id":638349,"status":"open","status_notes":null,"service_name":"Sidewalk and Curb Issues","service_code":006,"description":null,"agency_responsible":null,"service_notice":null,"requested_datetime":"2010-04-19T06:37:38-08:00","updated_datetime":"2010-04-19T06:37:38-08:00","expected_datetime":"2010-04-19T06:37:38-08:00","address":"8TH AVE and JUDAH ST","address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"}]`;

export { demoDepartments as agencies } from '../../../mocks/cases/departments';

function requestOf(feature: CaseFeature, index: number, extensions: boolean) {
  const p = feature.properties;
  const [longitude, latitude] = feature.geometry.coordinates;
  const stage = p.status === 'closed' ? undefined : p.status;
  // Half the open requests carry their step in an extended attribute, half in a note, as different servers do.
  const inAttribute = stage !== undefined && index % 2 === 0;
  return {
    service_request_id: p.id,
    status: p.status === 'closed' ? 'closed' : 'open',
    status_notes: stage && !inAttribute ? stageNotes[stage] : null,
    service_name: p.category,
    service_code: serviceCodes[p.category],
    description: p.title === '' ? null : p.title,
    requested_datetime: p.reportedAt,
    updated_datetime: p.closedAt ?? p.reportedAt,
    expected_datetime: p.dueAt,
    // The department by the city's name for it, as a GeoReport server names its agencies.
    agency_responsible: p.department === null ? null : (demoDepartment(p.department)?.name ?? null),
    address: null,
    lat: index % 3 === 0 ? String(latitude) : latitude,
    long: index % 3 === 0 ? String(longitude) : longitude,
    media_url: index % 5 === 0 ? 'http://media.test/photo.jpg ' : null,
    ...(extensions && { extended_attributes: inAttribute ? { stage } : {} }),
  };
}

const maxWindowMs = 90 * 86_400_000;

export interface Open311PeerOptions extends PeerOptions {
  /**
   * The most requests one call returns, `page_size` or not (default 100): a real server's cap, which it applies
   * silently — the answer is simply cut.
   */
  maxPerCall?: number;
}

export function startOpen311Peer(
  data: PeerCity,
  token: string,
  now: Date,
  options: Open311PeerOptions = {},
): Promise<PeerServer> {
  const cap = options.maxPerCall ?? 100;
  const services = Object.entries(serviceCodes).map(([category, code]) => ({
    service_code: code,
    service_name: category,
    description: null,
    metadata: false,
    type: 'realtime',
    keywords: '',
    group: 'city',
  }));
  return startPeerServer((request, url, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      sendJson(response, 401, [{ code: 401, description: 'unauthorized' }]);
      return;
    }
    if (url.pathname === '/files/regions.geojson') {
      sendJson(response, 200, data.city.regions);
      return;
    }
    if (url.pathname === '/files/grids.geojson') {
      sendJson(response, 200, data.city.grids);
      return;
    }
    const params = url.searchParams;
    if (url.pathname === '/spec/v2/services.json') {
      sendJson(response, 200, services);
      return;
    }
    if (url.pathname === '/spec/v2/requests.json') {
      sendJson(response, 200, specExample);
      return;
    }
    if (params.get('jurisdiction_id') !== jurisdiction) {
      sendJson(response, 400, [{ code: 400, description: 'jurisdiction_id is required' }]);
      return;
    }
    if (url.pathname === '/open311/v2/services.json') {
      sendJson(response, 200, services);
      return;
    }
    if (url.pathname !== '/open311/v2/requests.json') {
      sendJson(response, 404, [{ code: 404, description: 'not found' }]);
      return;
    }
    const end = Date.parse(params.get('end_date') ?? now.toISOString());
    const start = Date.parse(params.get('start_date') ?? new Date(end - maxWindowMs).toISOString());
    if (!(start <= end) || end - start > maxWindowMs) {
      sendJson(response, 400, [
        { code: 400, description: 'start_date to end_date may span at most 90 days' },
      ]);
      return;
    }
    const pageSize = Math.min(cap, Number(params.get('page_size') ?? cap));
    const page = Math.max(1, Number(params.get('page') ?? 1));
    const extensions = params.get('extensions') === 'true';
    const matching = data.cases.features
      .map((feature, index) => ({ feature, index }))
      .filter(({ feature }) => {
        const requested = Date.parse(feature.properties.reportedAt);
        return requested >= start && requested <= end;
      });
    const slice = matching.slice((page - 1) * pageSize, page * pageSize);
    sendJson(
      response,
      200,
      slice.map(({ feature, index }) => requestOf(feature, index, extensions)),
    );
  }, options);
}
