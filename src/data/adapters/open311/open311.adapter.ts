import type { z } from 'zod';
import { DataError } from '../../data-error';
import { casesSchema, type CaseCollection } from '../../../contract/schemas/contract.schema';
import type { AdapterCall, ProviderAdapter } from '../adapter';
import { filterCases } from '../case-query';
import { absoluteUrl, fetchText } from '../http-body';
import { checkBody, parseJsonText } from '../../json-body';
import { caseOfRequest } from './open311-case';
import { splitWindows } from './open311-windows';
import {
  open311OptionsSchema,
  open311RequestsSchema,
  open311ServicesSchema,
  type Open311Options,
  type Open311Service,
} from './open311.schema';

/** The specification's own examples write `"service_code":006`, which is not JSON; quote such numbers. */
const repairLeadingZeros = (text: string) =>
  text.replace(/("(?:service_code|service_request_id)"\s*:\s*)(-?0\d+)(?=\s*[,}])/g, '$1"$2"');

function readOptions(options: Record<string, unknown> | undefined): Open311Options {
  const parsed = open311OptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DataError(
    'cases',
    'config',
    `sources.cases.options.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
  );
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

/**
 * Open311 GeoReport v2 as the cases layer: `requests.json` per window of at most 90 days, paged with
 * `page`/`page_size` where configured, each request mapped onto a contract case (open311-case.ts), then the query
 * applied on the client exactly as the REST contract defines it. Indicators are computed client-side from these.
 */
async function open311Cases(call: AdapterCall, query: { from: string; to: string }): Promise<CaseCollection> {
  const options = readOptions(call.source.options);
  const services = await servicesOf(call, options);
  const byId = new Map<string, NonNullable<ReturnType<typeof caseOfRequest>>>();
  const requestIds = new Set<string>();
  for (const window of splitWindows(Date.parse(query.from), Date.parse(query.to), options.windowDays)) {
    for (let page = 1; ; page++) {
      if (page > options.maxPages)
        throw new DataError(
          'cases',
          'format',
          `more than ${options.maxPages} pages in one window; check paging`,
        );
      const url = endpointOf(call, 'requests.json', {
        start_date: new Date(window.from).toISOString(),
        end_date: new Date(window.to).toISOString(),
        jurisdiction_id: options.jurisdictionId,
        extensions: options.extensions ? 'true' : undefined,
        page: options.pageSize ? String(page) : undefined,
        page_size: options.pageSize ? String(options.pageSize) : undefined,
      });
      const requests = await getJson(call, url, open311RequestsSchema, 'requests');
      let fresh = 0;
      for (const request of requests) {
        const requestId = request.service_request_id ?? request.token ?? '';
        if (!requestIds.has(requestId)) fresh += 1;
        requestIds.add(requestId);
        const feature = caseOfRequest(request, services, options);
        if (feature) byId.set(feature.properties.id, feature);
      }
      call.onProgress?.({ layer: 'cases', loaded: byId.size });
      // A short page ends the window; so does a page of nothing new (a server that ignores `page`).
      if (!options.pageSize || requests.length < options.pageSize || fresh === 0) break;
    }
  }
  const cases = checkBody(
    'cases',
    casesSchema,
    { type: 'FeatureCollection', features: [...byId.values()] },
    { what: 'cases' },
  );
  return filterCases(cases, { from: query.from, to: query.to });
}

export const open311Adapter: ProviderAdapter = {
  kind: 'open311',
  cases: async (call, query) => filterCases(await open311Cases(call, query), query),
};
