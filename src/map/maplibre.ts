import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/**
 * MapLibre 6, set up once. After `vite build` the worker must be named explicitly, else its request gets
 * index.html and the production map never loads. The CSS comes from the package (bundled, no CDN).
 */
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
