import {
  camera,
  cameraCount,
  caseCount,
  cameras,
  camerasWith,
  caseFeature,
  casesWith,
  grid,
  gridCount,
  gridsWith,
  jincheng,
  square,
} from './bodies';

/**
 * The catalogue of bad inputs and faults: one row per case, iterated by the data-layer tests
 * (catalogue.test.ts), the browser run (tests/e2e/faults.e2e.ts) and the table in docs/faults.md
 * (scripts/faults-table.ts writes it; a test keeps it in step). `sees` is the reason the alert gives, in both
 * UI languages; the alert itself reads "<layer> layer failed to load: <reason>".
 */
export type FaultLayer = 'cameras' | 'grids' | 'cases';

/** What the source does: answer with this, never answer, or fail to connect. */
export type FaultResponse =
  | { status: number; body: string; contentType?: string; headers?: Record<string, string> }
  | { hang: true }
  | { unreachable: true };

export type FaultOutcome =
  /** The layer shows an alert with this reason; other layers carry on. */
  | {
      alert: true;
      kind: 'network' | 'timeout' | 'http' | 'format' | 'schema';
      en: string;
      zh: string;
      /** The server's own words, shown under the reason (src/data/server-message.ts). */
      server?: string;
    }
  /** The data is accepted as it is (drawn), with what was done to it. */
  | { alert: false; features: number; note: string }
  /**
   * The bad feature is left out and the rest drawn, with a notice (not an alert) whose line contains these words
   * (src/data/partial-layer.ts): one bad record among many never blanks a layer.
   */
  | { alert: false; features: number; note: string; notice: { en: string; zh: string } };

export interface WireFault {
  id: string;
  title: string;
  layer: FaultLayer;
  respond: FaultResponse;
  outcome: FaultOutcome;
}

export interface StreamFault {
  id: string;
  title: string;
  layer: 'cases';
  /** What the user sees, in words, for the table. */
  sees: string;
}

const json = (body: string, status = 200): FaultResponse => ({
  status,
  body,
  contentType: 'application/json',
});
const schema = (en: string, zh: string): FaultOutcome => ({ alert: true, kind: 'schema', en, zh });
/** One feature of a layer of `of` left out; the notice names it with these words. */
const leftOut = (of: number, en: string, zh: string): FaultOutcome => ({
  alert: false,
  features: of - 1,
  note: 'the bad feature is left out and named in a notice; the others are drawn',
  notice: { en, zh },
});

/** Repeat the cameras ten times over (distinct ids): a payload 10× the normal size. */
const tenfold = cameras(Array.from({ length: cameraCount * 10 }, (_, i) => camera(i)));
const bowtie = [
  [jincheng.lng, jincheng.lat],
  [jincheng.lng + 0.01, jincheng.lat + 0.01],
  [jincheng.lng + 0.01, jincheng.lat],
  [jincheng.lng, jincheng.lat + 0.01],
  [jincheng.lng, jincheng.lat],
];
const script = '<script>window.__faultScript = 1</script>';
const imgOnError = '<img src="x" onerror="window.__faultScript = 1">';

export const wireFaults: WireFault[] = [
  {
    id: 'malformed-json',
    title: 'malformed JSON',
    layer: 'cameras',
    respond: json('{"type": "FeatureCollection", "features": [ {"type": '),
    outcome: { alert: true, kind: 'format', en: 'not valid JSON', zh: '不是有效的 JSON' },
  },
  {
    id: 'html-200',
    title: 'HTML error page with status 200',
    layer: 'cameras',
    respond: {
      status: 200,
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      contentType: 'text/html',
    },
    outcome: { alert: true, kind: 'format', en: 'web page came back instead of data', zh: '网页而不是数据' },
  },
  {
    id: 'html-200-as-json',
    title: 'HTML page labelled application/json',
    layer: 'cameras',
    respond: json('<!doctype html><title>login</title>'),
    outcome: { alert: true, kind: 'format', en: 'web page came back instead of data', zh: '网页而不是数据' },
  },
  {
    id: 'empty-body',
    title: 'empty body',
    layer: 'cameras',
    respond: json(''),
    outcome: { alert: true, kind: 'format', en: 'answer was empty', zh: '返回内容为空' },
  },
  {
    id: 'wrong-content-type',
    title: 'wrong content type (XML)',
    layer: 'cameras',
    respond: { status: 200, body: '<FeatureCollection/>', contentType: 'application/xml' },
    outcome: { alert: true, kind: 'format', en: 'wrong content type (application/xml)', zh: '内容类型错误' },
  },
  {
    id: 'truncated-body',
    title: 'aborted stream: the body stops half-way',
    layer: 'cameras',
    respond: json(cameras().slice(0, 300)),
    outcome: { alert: true, kind: 'format', en: 'not valid JSON', zh: '不是有效的 JSON' },
  },
  {
    id: 'unclosed-ring',
    title: 'GeoJSON: unclosed ring',
    layer: 'grids',
    respond: json(
      gridsWith(
        2,
        grid(
          2,
          square(jincheng.lng, jincheng.lat)
            .slice(0, 4)
            .concat([[1 + jincheng.lng, jincheng.lat]]),
        ),
      ),
    ),
    outcome: leftOut(gridCount, 'feature 3 (FAULT-GRID-2)', '第 3 个要素（FAULT-GRID-2）'),
  },
  {
    id: 'self-intersection',
    title: 'GeoJSON: self-intersecting ring (bowtie)',
    layer: 'grids',
    respond: json(gridsWith(1, grid(1, bowtie))),
    outcome: leftOut(gridCount, '1 self-crossing boundary', '1 个边界自相交'),
  },
  {
    id: 'wrong-nesting',
    title: 'GeoJSON: Polygon with one nesting level missing',
    layer: 'grids',
    respond: json(
      gridsWith(0, {
        ...grid(0),
        geometry: { type: 'Polygon', coordinates: square(jincheng.lng, jincheng.lat) },
      }),
    ),
    outcome: leftOut(gridCount, 'feature 1 (FAULT-GRID-0)', '第 1 个要素（FAULT-GRID-0）'),
  },
  {
    id: 'nan-coordinate',
    title: 'GeoJSON: NaN coordinate (as the string "NaN")',
    layer: 'cameras',
    respond: json(camerasWith(4, camera(4, {}, { type: 'Point', coordinates: ['NaN', jincheng.lat] }))),
    outcome: leftOut(cameraCount, 'feature 5 (FAULT-CAM-4)', '第 5 个要素（FAULT-CAM-4）'),
  },
  {
    id: 'nan-literal',
    title: 'GeoJSON: bare NaN literal (not JSON)',
    layer: 'cameras',
    respond: json(camerasWith(4, camera(4)).replace(String(jincheng.lng + 0.04), 'NaN')),
    outcome: { alert: true, kind: 'format', en: 'not valid JSON', zh: '不是有效的 JSON' },
  },
  {
    id: 'swapped-lat-lng',
    title: 'GeoJSON: latitude and longitude swapped',
    layer: 'cameras',
    respond: json(
      camerasWith(7, camera(7, {}, { type: 'Point', coordinates: [jincheng.lat, jincheng.lng] })),
    ),
    outcome: leftOut(cameraCount, '1 swapped longitude/latitude): feature 8 (FAULT-CAM-7)', '1 个经纬度颠倒'),
  },
  {
    id: 'out-of-range',
    title: 'GeoJSON: longitude 212.85 (out of range)',
    layer: 'cameras',
    respond: json(camerasWith(2, camera(2, {}, { type: 'Point', coordinates: [212.85, jincheng.lat] }))),
    outcome: leftOut(cameraCount, '1 out of range): feature 3 (FAULT-CAM-2)', '1 个超出范围'),
  },
  {
    id: 'three-d',
    title: 'GeoJSON: 3-D coordinates (with altitude)',
    layer: 'cameras',
    respond: json(
      cameras(
        Array.from({ length: cameraCount }, (_, i) =>
          camera(i, {}, { type: 'Point', coordinates: [jincheng.lng, jincheng.lat, 812.5] }),
        ),
      ),
    ),
    outcome: {
      alert: false,
      features: cameraCount,
      note: 'accepted; the altitude is dropped, the points drawn',
    },
  },
  {
    id: 'null-geometry',
    title: 'GeoJSON: null geometry',
    layer: 'cameras',
    respond: json(camerasWith(0, { ...camera(0), geometry: null })),
    outcome: leftOut(cameraCount, '1 wrong type): feature 1 (FAULT-CAM-0)', '第 1 个要素（FAULT-CAM-0）'),
  },
  {
    id: 'mixed-types',
    title: 'GeoJSON: a polygon among the camera points',
    layer: 'cameras',
    respond: json(camerasWith(5, camera(5, {}, grid(0).geometry))),
    outcome: leftOut(cameraCount, 'feature 6 (FAULT-CAM-5)', '第 6 个要素（FAULT-CAM-5）'),
  },
  {
    id: 'missing-property',
    title: 'missing required property (camera status)',
    layer: 'cameras',
    respond: json(camerasWith(3, camera(3, { status: undefined }))),
    outcome: leftOut(cameraCount, '1 missing a field', '1 个缺少字段'),
  },
  {
    id: 'unknown-enum',
    title: 'unknown enum value (camera status "broken")',
    layer: 'cameras',
    respond: json(camerasWith(3, camera(3, { status: 'broken' }))),
    outcome: leftOut(cameraCount, '1 unknown value): feature 4 (FAULT-CAM-3)', '1 个取值未知'),
  },
  {
    id: 'duplicate-ids',
    title: 'duplicate ids',
    layer: 'cameras',
    respond: json(camerasWith(6, camera(2))),
    outcome: leftOut(cameraCount, '1 duplicate id): feature 7 (FAULT-CAM-2)', '1 个编号重复'),
  },
  {
    id: 'mostly-invalid',
    title: 'most of the layer invalid (18 of 20 cameras with status "broken")',
    layer: 'cameras',
    respond: json(
      cameras(Array.from({ length: cameraCount }, (_, i) => camera(i, i < 18 ? { status: 'broken' } : {}))),
    ),
    outcome: schema('18 of 20 features are invalid', '20 个要素中有 18 个不合规'),
  },
  {
    id: 'malformed-date',
    title: 'malformed date (case reportedAt "2026-13-45")',
    layer: 'cases',
    respond: json(casesWith(1, { reportedAt: '2026-13-45' })),
    outcome: leftOut(caseCount, '1 wrong format', '1 个格式错误'),
  },
  {
    id: 'unknown-case-stage',
    title: 'unknown enum value (case status "escalated")',
    layer: 'cases',
    respond: json(casesWith(0, { status: 'escalated' })),
    outcome: leftOut(caseCount, '1 unknown value', '1 个取值未知'),
  },
  {
    id: 'tenfold-payload',
    title: 'a payload 10× the normal size',
    layer: 'cameras',
    respond: json(tenfold),
    outcome: {
      alert: false,
      features: cameraCount * 10,
      note: 'accepted and drawn: valid data, only more of it',
    },
  },
  {
    id: 'http-401',
    title: 'HTTP 401',
    layer: 'cameras',
    respond: { status: 401, body: '{"error":"unauthorized"}', contentType: 'application/json' },
    outcome: {
      alert: true,
      kind: 'http',
      en: 'access token is invalid (HTTP 401)',
      zh: '访问令牌无效（HTTP 401）',
    },
  },
  {
    id: 'http-403',
    title: 'HTTP 403',
    layer: 'cameras',
    respond: { status: 403, body: 'forbidden', contentType: 'text/plain' },
    outcome: { alert: true, kind: 'http', en: 'denied (HTTP 403)', zh: '无权访问该数据源（HTTP 403）' },
  },
  {
    id: 'http-404',
    title: 'HTTP 404',
    layer: 'cameras',
    respond: { status: 404, body: '<h1>Not Found</h1>', contentType: 'text/html' },
    outcome: { alert: true, kind: 'http', en: 'does not exist (HTTP 404)', zh: '不存在（HTTP 404）' },
  },
  {
    id: 'http-429',
    title: 'HTTP 429 with Retry-After: 1',
    layer: 'cameras',
    respond: { status: 429, body: 'slow down', contentType: 'text/plain', headers: { 'Retry-After': '1' } },
    outcome: {
      alert: true,
      kind: 'http',
      en: 'too many requests (HTTP 429); trying again in 1 s',
      zh: '1 秒后重试',
    },
  },
  {
    id: 'http-500',
    title: 'HTTP 500',
    layer: 'cameras',
    respond: { status: 500, body: 'Internal Server Error', contentType: 'text/plain' },
    outcome: {
      alert: true,
      kind: 'http',
      en: 'server has an error (HTTP 500)',
      zh: '服务器出错（HTTP 500）',
    },
  },
  {
    id: 'http-503',
    title: 'HTTP 503',
    layer: 'cameras',
    respond: { status: 503, body: 'down for maintenance', contentType: 'text/plain' },
    outcome: {
      alert: true,
      kind: 'http',
      en: 'temporarily unavailable (HTTP 503)',
      zh: '服务暂时不可用（HTTP 503）',
    },
  },
  {
    id: 'http-400-json-message',
    title: 'HTTP 400 with a JSON message (OGC API exception)',
    layer: 'cameras',
    respond: json(
      JSON.stringify({
        code: 'InvalidParameterValue',
        description: '  limit must be between 1 and 500\n  (got 2000) ',
      }),
      400,
    ),
    outcome: {
      alert: true,
      kind: 'http',
      en: 'HTTP 400',
      zh: '服务器返回 HTTP 400',
      server: 'limit must be between 1 and 500 (got 2000)',
    },
  },
  {
    id: 'http-400-open311-errors',
    title: 'HTTP 400 with an Open311 error array',
    layer: 'cameras',
    respond: json(
      JSON.stringify([
        { code: 400, description: 'jurisdiction_id is required' },
        { code: 400, description: 'start_date is not a date' },
      ]),
      400,
    ),
    outcome: {
      alert: true,
      kind: 'http',
      en: 'HTTP 400',
      zh: '服务器返回 HTTP 400',
      server: 'jurisdiction_id is required; start_date is not a date',
    },
  },
  {
    id: 'http-500-ows-exception',
    title: 'HTTP 500 with an OWS exception report (XML)',
    layer: 'cameras',
    respond: {
      status: 500,
      contentType: 'text/xml',
      body: '<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>msDrawMap(): Image handling error. Unable to open &lt;grids.shp&gt;</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
    },
    outcome: {
      alert: true,
      kind: 'http',
      en: 'server has an error (HTTP 500)',
      zh: '服务器出错（HTTP 500）',
      server: 'msDrawMap(): Image handling error. Unable to open <grids.shp>',
    },
  },
  {
    id: 'http-502-html-with-script',
    title: "HTTP 502: a proxy's HTML page with a script, and a long text",
    layer: 'cameras',
    respond: {
      status: 502,
      contentType: 'text/html',
      body: `<html><head><title>x</title><script>window.__faultScript = 1</script></head><body><h1>502 Bad Gateway</h1><p>upstream ${'timed out '.repeat(60)}</p>${imgOnError}</body></html>`,
    },
    outcome: {
      alert: true,
      kind: 'http',
      en: 'server has an error (HTTP 502)',
      zh: '服务器出错（HTTP 502）',
      server: '502 Bad Gateway upstream timed out timed out',
    },
  },
  {
    id: 'timeout',
    title: 'timeout: the source never answers',
    layer: 'cameras',
    respond: { hang: true },
    outcome: { alert: true, kind: 'timeout', en: 'did not answer in time', zh: '服务器响应超时' },
  },
  {
    id: 'unreachable',
    title: 'connection refused / network down',
    layer: 'cameras',
    respond: { unreachable: true },
    outcome: { alert: true, kind: 'network', en: 'cannot be reached', zh: '无法连接服务器' },
  },
  {
    id: 'script-in-names',
    title: 'script and HTML in camera names',
    layer: 'cameras',
    respond: json(
      cameras(
        Array.from({ length: cameraCount }, (_, i) => camera(i, { name: i % 2 ? script : imgOnError })),
      ),
    ),
    outcome: {
      alert: false,
      features: cameraCount,
      note: 'accepted; names shown as literal text, no script runs',
    },
  },
  {
    id: 'script-in-case-titles',
    title: 'script and HTML in case titles',
    layer: 'cases',
    respond: json(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [caseFeature(0, { title: script }), caseFeature(1, { title: imgOnError })],
      }),
    ),
    outcome: { alert: false, features: 2, note: 'accepted; titles shown as literal text, no script runs' },
  },
];

export const streamFaults: StreamFault[] = [
  {
    id: 'stream-dropped',
    title: 'aborted event stream (connection drops)',
    layer: 'cases',
    sees: 'connection badge "reconnecting"; reopens with backoff and resumes after the last event id',
  },
  {
    id: 'stream-malformed-event',
    title: 'malformed event on the case stream',
    layer: 'cases',
    sees: 'the event is dropped, never applied; the count of ignored updates is reported (alert.streamRejected)',
  },
  {
    id: 'stream-flood',
    title: 'a flood of 1,000 events in one second',
    layer: 'cases',
    sees: 'every case applied once (deduplicated by id), no error; the count rises',
  },
];

/** A real server's quirk and what the dashboard does about it, with the tests that hold it to that. */
export interface ServerQuirk {
  id: string;
  title: string;
  sees: string;
  tests: string;
}

export const serverQuirks: ServerQuirk[] = [
  {
    id: 'outage-20s',
    title: 'a source answers HTTP 500 for 20 s, then recovers',
    sees: 'the alert stays in every 250 ms sample, with the server\'s words, "never loaded" or the last success, and "retrying in N s" counting down; reads back off 1 s → 2 s → 4 s → the refresh interval, jittered; on recovery the alert goes after one read and the layer draws',
    tests: 'tests/e2e/faults.e2e.ts (browser), tests/faults/catalogue.test.ts (timing)',
  },
  {
    id: 'wall-stale',
    title: 'a layer fails on the wall',
    sees: 'the stale badge stays from the first failed read to the next good one and names the failing layers',
    tests: 'src/features/wall (freshnessOf)',
  },
  {
    id: 'open311-cap',
    title: 'Open311 server cuts every answer at its cap (1,000; `maxRequestsPerCall`)',
    sees: "a window whose answer reaches the cap is split at whole seconds until every call is under it: 1,200 requests in the window are 1,200 in the cases tab, the KPI cards, the breakdown, the funnel, the rankings (district by district) and the map legend's count",
    tests: 'tests/e2e/providers.e2e.ts (browser), tests/providers/open311.provider.test.ts',
  },
  {
    id: 'open311-cap-second',
    title: 'Open311: one second alone holds more than the cap',
    sees: 'cannot be split: the cases carry `incomplete: { cap, cappedCalls }` (at least cap × cappedCalls requests in those seconds, maybe more), and so do the indicators computed from them; the same note ("in 2 one-second spans the server returned its cap of 5 … every figure is a lower bound") stands above the KPI cards and in the cases tab',
    tests:
      'tests/e2e/providers.e2e.ts (browser, two seconds at a cap of 5), tests/providers/open311.provider.test.ts',
  },
  {
    id: 'outside-the-grids',
    title:
      "cases in no grid: outside the city (the GeoReport v2 specification's own example requests, in San Francisco), on ground no grid covers, or naming an unknown grid",
    sees: 'one rule (src/domain/outside-grids.ts): they count in no figure, the city\'s included, so every unit is the sum of its children as `/indicators` defines; the city\'s view keeps them in an "outside the grids" bucket whose count the cases tab (with the cases listed), the KPI cards, the rankings and the map legend show alike: the example\'s 2 requests read 0 cases and "outside the grids: 2" everywhere',
    tests: 'tests/e2e/providers.e2e.ts (browser), src/live/case-selection.test.ts',
  },
  {
    id: 'meta-failing',
    title: '`/meta` answers HTTP 500',
    sees: "an alert naming the dataset information, the server's words and the retry countdown; the app goes on with the stated defaults: the map on the regions' extent with the data taken as WGS84 (the contract's default), cases polled every `refreshSeconds` (no stream without `meta.live`), no server tiles, no swapped-coordinates check, no data time in the header; the alert clears on the next good read",
    tests: 'tests/e2e/faults.e2e.ts (browser)',
  },
  {
    id: 'ogc-max-limit-clamped',
    title: "MapServer with `oga_max_limit` 800 below the client's default `limit` 1,000",
    sees: 'MapServer clamps and pages with `next`; every grid arrives (one page per 800), no notice, no alert',
    tests: 'tests/e2e/providers.e2e.ts (browser, real MapServer)',
  },
  {
    id: 'ogc-max-limit-refused',
    title: 'OGC API server refuses a `limit` above its maximum with 400',
    sees: 'the maximum is read from the 400\'s message ("between 1 and 150") or the API document (`/api`, the limit parameter\'s maximum) and the read asked again once below it; every grid arrives',
    tests: 'tests/providers/ogc.provider.test.ts (MapServer behind a strict front)',
  },
  {
    id: 'ogc-foreign-next',
    title: "OGC `next` links name a proxy's internal host",
    sees: "not followed (only the source's origin and `options.allowedOrigins`): an alert naming both hosts, the first page read once per retry, never in a loop",
    tests: 'tests/providers/ogc.provider.test.ts (MapServer with another `oga_onlineresource`)',
  },
];

/** A header token configured for the faulty source: it must never show up in a URL, a message or the console. */
export const secretToken = 'Bearer FAULT-SECRET-TOKEN-7f3a';

/** The layer's source healthy again: what every case recovers to. */
export function healthyResponse(layer: FaultLayer): FaultResponse {
  const body = {
    cameras: cameras(),
    grids: gridsWith(gridCount, {}),
    cases: casesWith(-1, {}),
  }[layer];
  return json(body);
}
