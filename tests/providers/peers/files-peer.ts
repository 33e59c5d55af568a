import type { CameraCollection, StationCollection } from '../../../src/contract/schemas/contract.schema';
import type { PeerCity } from '../fixtures/peer-city';
import { sendJson, startPeerServer, type PeerServer } from './peer-server';

/**
 * A static file server for the files provider, holding the city the way cities export it: regions and grids as
 * GeoJSON, cameras as a CSV with Chinese column names and codes, stations as KML, cases as GeoJSON. Files are
 * behind a bearer token, like an internal file share.
 */
export const cameraStatusWords = { online: '在线', offline: '离线', fault: '故障' } as const;

function camerasCsv(cameras: CameraCollection): string {
  const header = '编号,名称,状态,用途,网格,经度,纬度';
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const rows = cameras.features.map(({ properties: p, geometry }) =>
    [
      p.id,
      quote(p.name),
      cameraStatusWords[p.status],
      p.purpose,
      p.gridId ?? '',
      ...geometry.coordinates,
    ].join(','),
  );
  return '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n';
}

function stationsKml(stations: StationCollection): string {
  const placemarks = stations.features.map(({ properties: p, geometry }) => {
    const data = (['id', 'kind', 'level', 'address', 'phone', 'hours'] as const)
      .map((key) => `<Data name="${key}"><value>${p[key]}</value></Data>`)
      .join('');
    return `<Placemark><name>${p.name}</name><ExtendedData>${data}</ExtendedData><Point><coordinates>${geometry.coordinates.join(',')},0</coordinates></Point></Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`;
}

export function startFilesPeer(data: PeerCity, token: string): Promise<PeerServer> {
  const files: Record<string, { type: string; body: string }> = {
    '/files/regions.geojson': { type: 'application/geo+json', body: JSON.stringify(data.city.regions) },
    '/files/grids.geojson': { type: 'application/geo+json', body: JSON.stringify(data.city.grids) },
    '/files/cameras.csv': { type: 'text/csv', body: camerasCsv(data.city.cameras) },
    '/files/stations.kml': {
      type: 'application/vnd.google-earth.kml+xml',
      body: stationsKml(data.city.stations),
    },
    '/files/cases.geojson': { type: 'application/geo+json', body: JSON.stringify(data.cases) },
  };
  return startPeerServer((request, url, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      sendJson(response, 401, { error: 'unauthorized' });
      return;
    }
    const file = files[url.pathname];
    if (!file) {
      sendJson(response, 404, { error: 'not_found' });
      return;
    }
    sendJson(response, 200, file.body, file.type);
  });
}
