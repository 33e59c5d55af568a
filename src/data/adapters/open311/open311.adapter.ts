import type { z } from 'zod';
import { DataError } from '../../data-error';
import { readAdapterOptions } from '../adapter-options';
import { casesSchema, type CaseCollection } from '../../../contract/schemas/contract.schema';
import type { AdapterCall, ProviderAdapter } from '../adapter';
import { filterCases } from '../case-query';
import { absoluteUrl, fetchText } from '../http-body';
import { checkBody, parseJsonText } from '../../json-body';
import { caseOfRequest } from './open311-case';
import type { MaybeIncomplete } from '../../incompleteness';
import { splitWindows, type TimeWindow } from './open311-windows';
import {
  open311OptionsSchema,
  open311RequestsSchema,
  open311ServicesSchema,
  type Open311Options,
  type Open311Request,
  type Open311Service,
} from './open311.schema';

/** The specification's own examples write `"service_code":006`, which is not JSON; quote such numbers. */
const repairLeadingZeros = (text: string) =>
  text.replace(/("(?:service_code|service_request_id)"\s*:\s*)(-?0\d+)(?=\s*[,}])/g, '$1"$2"');

function readOptions(options: Record<string, unknown> | undefined): Open311Options {
  return readAdapterOptions(open311OptionsSchema, 'cases', options);
}

function endpointOf(call: AdapterCall, path: string, params: Record<string, string | undefined>): string {
  const url = absoluteUrl(`${call.source.url.trim().replace(/\/+$/, '')}/${path}`);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

async function getJson<T>(call: AdapterCall, url: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await fetchText(
    { layer: 'cases', url, headers: call.source.headers, ...(call.signal && { signal: call.signal }) },
    'application/json',
  );
  return checkBody(
    'cases',
    schema,
    parseJsonText({ layer: 'cases', url }, text, { repair: repairLeadingZeros }),
    {
      what,
    },
  );
}

/** services.json once per server and jurisdiction: the names and codes behind each request's category. */
const serviceLists = new Map<string, Promise<Map<string, Open311Service>>>();

function servicesOf(call: AdapterCall, options: Open311Options): Promise<Map<string, Open311Service>> {
  const url = endpointOf(call, 'services.json', { jurisdiction_id: options.jurisdictionId });
  const known = serviceLists.get(url);
  if (known) return known;
  const pending = getJson({ source: call.source }, url, open311ServicesSchema, 'services').then(
    (services) => new Map(services.map((service) => [service.service_code, service])),
  );
  serviceLists.set(url, pending);
  pending.catch(() => serviceLists.delete(url));
  return pending;
}

type Services = Map<string, Open311Service>;
type OpenCase = NonNullable<ReturnType<typeof caseOfRequest>>;

/** What one read gathers: the cases by id, the requests seen, and the windows that stayed at the server's cap. */
interface Gathered {
  byId: Map<string, OpenCase>;
  requestIds: Set<string>;
  /** One-second windows that still came back at the cap: at least this many answers may have been cut. */
  cappedSeconds: number;
}

function requestsUrl(call: AdapterCall, options: Open311Options, window: TimeWindow, page?: number): string {
  return endpointOf(call, 'requests.json', {
    start_date: new Date(window.from).toISOString(),
    end_date: new Date(window.to).toISOString(),
    jurisdiction_id: options.jurisdictionId,
    extensions: options.extensions ? 'true' : undefined,
    page: options.pageSize && page !== undefined ? String(page) : undefined,
    page_size: options.pageSize ? String(options.pageSize) : undefined,
  });
}

/** Keep the requests of one answer; returns how many were new (a server that ignores `page` sends none). */
function keep(
  call: AdapterCall,
  requests: Open311Request[],
  services: Services,
  options: Open311Options,
  into: Gathered,
): number {
  let fresh = 0;
  for (const request of requests) {
    const requestId = request.service_request_id ?? request.token ?? '';
    if (!into.requestIds.has(requestId)) fresh += 1;
    into.requestIds.add(requestId);
    const feature = caseOfRequest(request, services, options);
    if (feature) into.byId.set(feature.properties.id, feature);
  }
  call.onProgress?.({ layer: 'cases', loaded: into.byId.size });
  return fresh;
}

/** A window paged with `page`/`page_size`: a short page ends it; so does a page of nothing new. */
async function readPaged(
  call: AdapterCall,
  options: Open311Options,
  window: TimeWindow,
  services: Services,
  into: Gathered,
): Promise<void> {
  const pageSize = options.pageSize ?? 0;
  for (let page = 1; ; page++) {
    if (page > options.maxPages)
      throw new DataError(
        'cases',
        'format',
        `more than ${options.maxPages} pages in one window; check paging`,
      );
    const requests = await getJson(
      call,
      requestsUrl(call, options, window, page),
      open311RequestsSchema,
      'requests',
    );
    const fresh = keep(call, requests, services, options, into);
    if (requests.length < pageSize || fresh === 0) return;
  }
}

/**
 * A window read in one call, unless the answer reaches the server's cap: then it may have been cut, and the
 * window is split in two at a whole second (`end_date` is inclusive, so the halves share their boundary second;
 * its requests are removed by id) until every call is under the cap. A single second still at the cap cannot be
 * split: it is counted, and the figures say they are incomplete.
 */
async function readSplitting(
  call: AdapterCall,
  options: Open311Options,
  window: TimeWindow,
  services: Services,
  into: Gathered,
): Promise<void> {
  const requests = await getJson(call, requestsUrl(call, options, window), open311RequestsSchema, 'requests');
  if (requests.length < options.maxRequestsPerCall) {
    keep(call, requests, services, options, into);
    return;
  }
  const span = window.to - window.from;
  if (span <= 1000) {
    keep(call, requests, services, options, into);
    into.cappedSeconds += 1;
    return;
  }
  const middle = window.from + Math.max(1000, Math.floor(span / 2000) * 1000);
  await readSplitting(call, options, { from: window.from, to: middle }, services, into);
  await readSplitting(call, options, { from: middle, to: window.to }, services, into);
}

/**
 * Open311 GeoReport v2 as the cases layer: `requests.json` per window of at most 90 days — paged with
 * `page`/`page_size` where configured, else split while an answer reaches the server's cap — each request mapped
 * onto a contract case (open311-case.ts), then the query applied on the client exactly as the REST contract
 * defines it. Indicators are computed client-side from these.
 */
async function open311Cases(
  call: AdapterCall,
  query: { from: string; to: string },
): Promise<CaseCollection & Open311Completeness> {
  const options = readOptions(call.source.options);
  const services = await servicesOf(call, options);
  const into: Gathered = { byId: new Map(), requestIds: new Set(), cappedSeconds: 0 };
  for (const window of splitWindows(Date.parse(query.from), Date.parse(query.to), options.windowDays)) {
    if (options.pageSize) await readPaged(call, options, window, services, into);
    else await readSplitting(call, options, window, services, into);
  }
  const cases = checkBody(
    'cases',
    casesSchema,
    { type: 'FeatureCollection', features: [...into.byId.values()] },
    { what: 'cases' },
  );
  const filtered = filterCases(cases, { from: query.from, to: query.to });
  if (into.cappedSeconds === 0) return filtered;
  return { ...filtered, incomplete: { cap: options.maxRequestsPerCall, cappedCalls: into.cappedSeconds } };
}

/**
 * Set when some one-second window came back at the server's cap even after splitting: the figures hold at least
 * `cap × cappedCalls` requests of those seconds, and the server may hold more.
 */
export type Open311Completeness = MaybeIncomplete;

export const open311Adapter: ProviderAdapter = {
  kind: 'open311',
  cases: async (call, query) => {
    const cases = await open311Cases(call, query);
    return { ...filterCases(cases, query), ...(cases.incomplete && { incomplete: cases.incomplete }) };
  },
};
