import type { Page } from 'playwright-core';
import { acceptsColumnar } from '../../src/geo/columnar/negotiate';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import {
  provinceCameras,
  provinceCases,
  provinceGrids,
  provinceMeta,
  provinceRegions,
} from './province-data';
import { provinceCamerasColumnar, provinceCasesColumnar } from './province-columnar';
import { emptySettlement } from '../../src/domain/settlement';

/**
 * Serves the generated province to the production build through Playwright routing: config.json turns the mock
 * API off and points the rest provider at /api, whose answers come from here. Bodies are serialised once.
 */
export interface ProvinceBodies {
  config: string;
  meta: string;
  regions: string;
  grids: string;
  /** The cameras as GeoJSON, and in the columnar format, as the size asks (null: not served that way). */
  cameras: string | null;
  camerasColumnar: Buffer | null;
  stations: string;
  cases: string;
  /** The cases in the columnar format, when the size asks for them so (then a GeoJSON request gets 406). */
  casesColumnar: Buffer | null;
}

const empty = JSON.stringify({ type: 'FeatureCollection', features: [] });

export interface ProvinceSize {
  cameras: number;
  /** Cases served for any window (the heat layer); 0 for none. */
  cases: number;
  /**
   * How the cameras are served: GeoJSON only (the default), the columnar binary format only (generated with typed
   * arrays; a request that does not ask for it gets 406, so a test fails loudly if the app falls back to GeoJSON),
   * or both by content negotiation (the bench: the app asks for columns, the bare MapLibre page for GeoJSON).
   */
  camerasAs?: 'geojson' | 'columnar' | 'both';
  /** How the cases are served: GeoJSON (the default) or the columnar format only, generated with typed arrays. */
  casesAs?: 'geojson' | 'columnar';
}

export function provinceBodies(size: ProvinceSize, config: Record<string, unknown>): ProvinceBodies {
  const now = new Date();
  return {
    config: JSON.stringify({ ...config, mock: false, api: { baseUrl: '/api', headers: {} } }),
    meta: JSON.stringify(provinceMeta(now.toISOString())),
    regions: JSON.stringify(provinceRegions()),
    grids: JSON.stringify(provinceGrids()),
    cameras: size.camerasAs === 'columnar' ? null : JSON.stringify(provinceCameras(size.cameras)),
    camerasColumnar:
      size.camerasAs === 'columnar' || size.camerasAs === 'both'
        ? Buffer.from(provinceCamerasColumnar(size.cameras))
        : null,
    stations: empty,
    cases:
      size.cases > 0 && size.casesAs !== 'columnar' ? JSON.stringify(provinceCases(size.cases, now)) : empty,
    casesColumnar: size.casesAs === 'columnar' ? Buffer.from(provinceCasesColumnar(size.cases, now)) : null,
  };
}

const zero = {
  casesReported: 0,
  casesClosed: 0,
  openCases: 0,
  overdueCases: 0,
  resolutionRate: { numerator: 0, denominator: 0 },
  satisfactionRate: { numerator: 0, denominator: 0 },
  onTimeRate: { numerator: 0, denominator: 0 },
  volunteerHours: 0,
};

function indicators(url: URL): string {
  const from = url.searchParams.get('from') ?? new Date().toISOString();
  const to = url.searchParams.get('to') ?? from;
  return JSON.stringify({
    region: { id: url.searchParams.get('region') ?? 'P', name: '山西省', level: 'city' },
    from,
    to,
    interval: url.searchParams.get('interval') ?? 'day',
    figures: zero,
    series: [],
    children: [],
    settlement: emptySettlement(),
    departments: [],
    dataTime: new Date().toISOString(),
  });
}

export async function routeProvince(page: Page, bodies: ProvinceBodies): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: bodies.config }),
  );
  await page.route('**/api/**', (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname.replace(/^\/api\//, '');
    const json = (body: string) => route.fulfill({ status: 200, contentType: 'application/json', body });
    if (name === 'meta') return json(bodies.meta);
    if (name === 'regions') return json(bodies.regions);
    if (name === 'grids') return json(bodies.grids);
    if (name === 'cameras') {
      const columnar = bodies.camerasColumnar;
      if (columnar && acceptsColumnar(route.request().headers()['accept'] ?? null))
        return route.fulfill({ status: 200, contentType: columnarMediaType, body: columnar });
      if (bodies.cameras !== null) return json(bodies.cameras);
      return route.fulfill({ status: 406, body: 'columnar cameras only' });
    }
    if (name === 'stations') return json(bodies.stations);
    if (name === 'cases') {
      const columnar = bodies.casesColumnar;
      if (!columnar) return json(bodies.cases);
      if (acceptsColumnar(route.request().headers()['accept'] ?? null))
        return route.fulfill({ status: 200, contentType: columnarMediaType, body: columnar });
      return route.fulfill({ status: 406, body: 'columnar cases only' });
    }
    if (name === 'indicators') return json(indicators(url));
    // The case stream: none here, the app falls back to polling.
    return route.fulfill({ status: 404, body: 'not served by the province fixture' });
  });
}
