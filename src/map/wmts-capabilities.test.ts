// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from '../domain/runtime-config';
import { readWmtsBasemap, readWmtsCapabilities } from './wmts-capabilities';

const scale = (zoom: number) => 559082264.0287178 / 2 ** zoom;
const matrix = (id: string, zoom: number) =>
  `<TileMatrix><ows:Identifier>${id}</ows:Identifier><ScaleDenominator>${scale(zoom)}</ScaleDenominator>` +
  `<TileWidth>256</TileWidth><TileHeight>256</TileHeight></TileMatrix>`;

/** A capabilities document shaped like GeoServer's: a geographic set first, then the Web Mercator one. */
function capabilities(
  options: { resource?: boolean; ids?: (zoom: number) => string; mercator?: boolean } = {},
) {
  const { resource = true, ids = (zoom: number) => `EPSG:900913:${zoom}`, mercator = true } = options;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:OperationsMetadata>
    <ows:Operation name="GetTile"><ows:DCP><ows:HTTP>
      <ows:Get xlink:href="/gwc/service/wmts?"><ows:Constraint name="GetEncoding"><ows:AllowedValues>
        <ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get>
    </ows:HTTP></ows:DCP></ows:Operation>
  </ows:OperationsMetadata>
  <Contents>
    <Layer>
      <ows:Identifier>city:other</ows:Identifier>
      <TileMatrixSetLink><TileMatrixSet>EPSG:4326</TileMatrixSet></TileMatrixSetLink>
    </Layer>
    <Layer>
      <ows:Identifier>city:base</ows:Identifier>
      <Style isDefault="false"><ows:Identifier>night</ows:Identifier></Style>
      <Style isDefault="true"><ows:Identifier>day</ows:Identifier></Style>
      <Format>image/jpeg</Format><Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>EPSG:4326</TileMatrixSet></TileMatrixSetLink>
      ${mercator ? '<TileMatrixSetLink><TileMatrixSet>EPSG:900913</TileMatrixSet></TileMatrixSetLink>' : ''}
      ${resource ? '<ResourceURL format="image/png" resourceType="tile" template="tiles/{TileMatrixSet}/{Style}/{TileMatrix}/{TileRow}/{TileCol}.png"/>' : ''}
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>EPSG:4326</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::4326</ows:SupportedCRS>
      ${matrix('EPSG:4326:0', 0)}
    </TileMatrixSet>
    <TileMatrixSet>
      <ows:Identifier>EPSG:900913</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::900913</ows:SupportedCRS>
      ${[3, 4, 5, 6].map((zoom) => matrix(ids(zoom), zoom)).join('')}
    </TileMatrixSet>
  </Contents>
</Capabilities>`;
}

const url = 'http://tiles.intranet/gwc/service/wmts?REQUEST=GetCapabilities';

describe('readWmtsCapabilities', () => {
  it("builds the tile template from the layer's ResourceURL in its Web Mercator set", () => {
    expect(readWmtsCapabilities(capabilities(), url, 'city:base')).toEqual({
      ok: true,
      tiles: {
        template: 'http://tiles.intranet/gwc/service/tiles/EPSG:900913/day/EPSG:900913:{z}/{y}/{x}.png',
        minZoom: 3,
        maxZoom: 6,
        tileSize: 256,
      },
    });
  });

  it('falls back to the GetTile KVP endpoint, with plain zoom identifiers', () => {
    const reading = readWmtsCapabilities(
      capabilities({ resource: false, ids: (zoom) => String(zoom) }),
      url,
      'city:base',
    );
    expect(reading).toEqual({
      ok: true,
      tiles: {
        template:
          'http://tiles.intranet/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=city%3Abase' +
          '&STYLE=day&TILEMATRIXSET=EPSG%3A900913&FORMAT=image%2Fpng&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
        minZoom: 3,
        maxZoom: 6,
        tileSize: 256,
      },
    });
  });

  it('recognises the GoogleMapsCompatible scale set whatever its CRS is spelt', () => {
    const xml = capabilities().replace(
      '<ows:SupportedCRS>urn:ogc:def:crs:EPSG::900913</ows:SupportedCRS>',
      '<ows:SupportedCRS>urn:x-custom:webmercator</ows:SupportedCRS><WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible</WellKnownScaleSet>',
    );
    expect(readWmtsCapabilities(xml, url, 'city:base').ok).toBe(true);
  });

  it('says why a service cannot be drawn', () => {
    expect(readWmtsCapabilities(capabilities(), url, 'city:missing')).toEqual({
      ok: false,
      reason: 'it has no layer "city:missing"',
    });
    expect(readWmtsCapabilities(capabilities({ mercator: false }), url, 'city:base')).toEqual({
      ok: false,
      reason: 'layer "city:base" has no tile matrix set in EPSG:3857 (GoogleMapsCompatible)',
    });
    expect(readWmtsCapabilities(capabilities({ ids: (zoom) => `L${zoom * 2}` }), url, 'city:base')).toEqual({
      ok: false,
      reason: 'tile matrix identifiers (L6, …) are not zoom levels',
    });
    expect(readWmtsCapabilities('<html><body>login</body></html>', url)).toEqual({
      ok: false,
      reason: 'the answer is not a WMTS Capabilities document',
    });
    expect(readWmtsCapabilities('<Capabilities', url).ok).toBe(false);
  });
});

describe('readWmtsBasemap', () => {
  const basemapOf = (basemap: unknown) =>
    runtimeConfigSchema.parse({ api: { baseUrl: '/api' }, basemap }).basemap;
  const wmts = basemapOf({ kind: 'wmts', url, wmts: { layer: 'city:base' } });

  it('turns the configured service into the raster template MapLibre draws', async () => {
    const fetchImpl = (() => Promise.resolve(new Response(capabilities()))) as typeof fetch;
    const { basemap, problem } = await readWmtsBasemap(wmts, fetchImpl);
    expect(problem).toBeUndefined();
    expect(basemap).toMatchObject({
      kind: 'raster',
      url: 'http://tiles.intranet/gwc/service/tiles/EPSG:900913/day/EPSG:900913:{z}/{y}/{x}.png',
      minZoom: 3,
      maxZoom: 6,
      crs: 'wgs84',
    });
  });

  it('keeps the plain background and names the reason when the service fails', async () => {
    const fetchImpl = (() => Promise.resolve(new Response('no', { status: 503 }))) as typeof fetch;
    expect(await readWmtsBasemap(wmts, fetchImpl)).toEqual({
      basemap: { ...wmts, kind: 'none' },
      problem: 'WMTS base map: GetCapabilities answered HTTP 503',
    });
  });
});
