import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * The baseline page: MapLibre alone, drawing the same outlines (and, at province scale, the same cameras and cases)
 * the way its documentation shows — GeoJSON sources, MapLibre's own clustering and heatmap, no app around it. It is
 * served by Playwright routing beside the app's origin; `window.__benchReady` is the first idle with every source
 * loaded, in ms since navigation (what the app reports as data-map-ready-ms).
 */
export const barePath = '/bench/bare.html';

const maplibreDist = 'node_modules/maplibre-gl/dist';

export function barePage(kind: 'city' | 'province'): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>html,body,#map{margin:0;width:100%;height:100%}</style></head>
<body><div id="map"></div><script type="module">
import * as maplibregl from '/bench/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/bench/maplibre/maplibre-gl-worker.mjs');
const kind = ${JSON.stringify(kind)};
const params = new URLSearchParams(location.search);
const [lng, lat, zoom] = (params.get('map') ?? '112.7,35.6,8').split(',').map(Number);
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [
  { id: 'background', type: 'background', paint: { 'background-color': '#eceff3' } }] },
  center: [lng, lat], zoom });
window.__benchMap = map;
const typeColour = ['match', ['get', 'type'], 'new_build', '#0072b2', 'urban_village', '#d55e00', 'old_town', '#882255',
  'work_unit', '#66ccee', '#f0e442'];
map.on('load', async () => {
  let sources;
  if (kind === 'city') {
    const city = await (await fetch('/demo-city/jincheng.json')).json();
    map.fitBounds(city.meta.bbox, { animate: false, padding: 24 });
    sources = { grids: city.grids, regions: city.regions };
  } else {
    sources = { grids: '/api/grids', cameras: '/api/cameras', cases: '/api/cases' };
  }
  map.addSource('grids', { type: 'geojson', data: sources.grids });
  map.addLayer({ id: 'grid-fill', type: 'fill', source: 'grids', paint: { 'fill-color': typeColour, 'fill-opacity': 0.55 } });
  map.addLayer({ id: 'grid-outline', type: 'line', source: 'grids', paint: { 'line-color': '#5f6b7a', 'line-width': 0.6 } });
  if (sources.regions) {
    map.addSource('regions', { type: 'geojson', data: sources.regions });
    map.addLayer({ id: 'region-outline', type: 'line', source: 'regions', paint: { 'line-color': '#1a237e', 'line-width': 1.5 } });
  }
  if (sources.cases) {
    map.addSource('cases', { type: 'geojson', data: sources.cases });
    map.addLayer({ id: 'case-heat', type: 'heatmap', source: 'cases', paint: { 'heatmap-radius': 20, 'heatmap-opacity': 0.7 } });
  }
  if (sources.cameras) {
    map.addSource('cameras', { type: 'geojson', data: sources.cameras, cluster: true, clusterRadius: 60, clusterMaxZoom: 13 });
    map.addLayer({ id: 'camera-clusters', type: 'circle', source: 'cameras',
      paint: { 'circle-color': '#3949ab', 'circle-radius': 9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
  }
  const ids = Object.keys(sources);
  const check = () => {
    if (!ids.every((id) => map.isSourceLoaded(id)) || !map.areTilesLoaded()) return;
    map.off('idle', check);
    window.__benchReady = performance.now();
  };
  map.on('idle', check);
});
</script></body></html>`;
}

export async function routeBareMap(target: Page, kind: 'city' | 'province'): Promise<void> {
  await target.route(`**${barePath}*`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: barePage(kind) }),
  );
  await target.route('**/bench/maplibre/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    return route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: readFileSync(`${maplibreDist}/${name}`),
    });
  });
}
