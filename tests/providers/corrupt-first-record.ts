/**
 * A stand-in for a city's server that sent one bad record: wraps `fetch` so that the first answer of a layer holding
 * records has its first record broken in the way that answer's format allows: a point's longitude and latitude
 * swapped (GeoJSON, CSV, KML, GML, Open311 JSON), an area's geometry dropped (GeoJSON). The rest of the answer is as the
 * peer sent it, so the contract suite can check that every provider leaves out that one record and keeps the rest.
 */
export function corruptFirstRecord(): { restore(): void; corrupted(): boolean } {
  const original = globalThis.fetch;
  let done = false;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    if (done || !response.ok) return response;
    const type = response.headers.get('content-type') ?? '';
    if (!/json|csv|kml|xml/.test(type)) return response;
    const text = await response.text();
    const broken = breakFirst(text, type);
    if (broken !== null) done = true;
    return new Response(broken ?? text, { status: response.status, headers: response.headers });
  };
  return {
    restore: () => {
      globalThis.fetch = original;
    },
    corrupted: () => done,
  };
}

type Json = Record<string, unknown>;

function breakFirst(text: string, type: string): string | null {
  if (type.includes('csv')) {
    const lines = text.split('\r\n');
    const cells = lines[1]?.split(',');
    if (!cells || cells.length < 3) return null;
    const [x, y] = cells.splice(-2, 2);
    lines[1] = [...cells, y, x].join(',');
    return lines.join('\r\n');
  }
  // GML (WFS): the first feature's first position has its two numbers swapped; an area's ring no longer closes.
  if (type.includes('xml') && !type.includes('kml'))
    return /<gml:pos(List)?[^>]*>/.test(text) && /<wfs:member>|<gml:featureMember>/.test(text)
      ? text.replace(/(<gml:pos(?:List)?[^>]*>)\s*([-\d.eE+]+)\s+([-\d.eE+]+)/, '$1$3 $2')
      : null;
  if (type.includes('kml'))
    return text.includes('<coordinates>')
      ? text.replace(/<coordinates>([^,<]+),([^,<]+)/, '<coordinates>$2,$1')
      : null;
  const body = JSON.parse(text) as unknown;
  // Open311's requests.json: an array of requests with lat and long.
  if (Array.isArray(body)) {
    const first = body[0] as Json | undefined;
    if (!first || typeof first.lat !== 'number') return null;
    [first.lat, first.long] = [first.long, first.lat];
    return JSON.stringify(body);
  }
  const features = (body as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length < 2) return null;
  const feature = features[0] as { geometry: { type: string; coordinates: unknown } | null };
  const geometry = feature.geometry;
  if (geometry?.type === 'Point' && Array.isArray(geometry.coordinates)) {
    const [x, y] = geometry.coordinates as unknown[];
    geometry.coordinates = [y, x];
  } else feature.geometry = null;
  return JSON.stringify(body);
}
