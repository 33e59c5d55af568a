// @vitest-environment jsdom
// jsdom for its DOMParser (KML); the app uses the browser's.
import { describe, expect, it } from 'vitest';
import { parseCsvPoints, parseCsvRows } from './csv.parser';
import { formatOfName, isFileParseError, parseFeatureFile } from './file-format';
import { pointShapefileZip } from './shapefile.fixtures';

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

describe('file parsers', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks, after a BOM, with semicolons', () => {
    expect(parseCsvRows('\uFEFFa;b\r\n"x;1";"say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"\nthere'],
    ]);
  });

  it('finds the usual coordinate columns and keeps the others as properties', () => {
    const [feature] = parseCsvPoints('名称,经度,纬度\n建设路口,112.81,35.49\n');
    expect(feature).toEqual({
      geometry: { type: 'Point', coordinates: [112.81, 35.49] },
      properties: { 名称: '建设路口' },
    });
    expect(() => parseCsvPoints('name,x\nA,1\n')).toThrow(/latitude/);
    expect(() => parseCsvPoints('lon,lat\nA,1\n')).toThrow(/row 2/);
  });

  it('reads KML placemarks with their extended data, and refuses what is not KML', async () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>综治中心</name><ExtendedData><Data name="kind"><value>governance_center</value></Data></ExtendedData><Point><coordinates>112.84,35.5,0</coordinates></Point></Placemark></Document></kml>`;
    const [feature] = await parseFeatureFile('kml', bytes(kml));
    expect(feature?.properties).toMatchObject({ name: '综治中心', kind: 'governance_center' });
    expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [112.84, 35.5, 0] });
    const error: unknown = await parseFeatureFile('kml', bytes('<html><body/></html>')).catch(
      (reason: unknown) => reason,
    );
    expect(isFileParseError(error)).toBe(true);
  });

  it('reads a zipped Shapefile with its attribute table', async () => {
    const zip = pointShapefileZip([
      { x: 112.81, y: 35.49, name: 'CAM-1' },
      { x: 112.87, y: 35.51, name: 'CAM-4' },
    ]);
    const features = await parseFeatureFile('shapefile', zip);
    expect(features.map((feature) => [feature.geometry, feature.properties?.NAME])).toEqual([
      [{ type: 'Point', coordinates: [112.81, 35.49] }, 'CAM-1'],
      [{ type: 'Point', coordinates: [112.87, 35.51] }, 'CAM-4'],
    ]);
    const error: unknown = await parseFeatureFile('shapefile', bytes('not a zip')).catch(
      (reason: unknown) => reason,
    );
    expect(isFileParseError(error)).toBe(true);
  });

  it('tells the format from the extension, ignoring the query string', () => {
    expect(formatOfName('/data/grids.ZIP?token=x')).toBe('shapefile');
    expect(formatOfName('/export?layer=grids')).toBeUndefined();
  });
});
