import type { SourceFeature } from '../feature-mapping';

/**
 * CSV with one row per point: RFC 4180 quoting (quoted fields may hold commas, quotes as "" and line breaks), a
 * header row, an optional UTF-8 BOM (Excel writes one), comma or semicolon or tab separators. Every other column
 * becomes a string property; the property mapping turns numbers and booleans into their types.
 */
export function parseCsvRows(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.indexOf('\n') >>> 0);
  const separator = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source.charAt(index);
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const longitudeNames = ['longitude', 'lon', 'lng', 'long', 'x', '经度'];
const latitudeNames = ['latitude', 'lat', 'y', '纬度'];

export interface CsvColumns {
  longitude?: string | undefined;
  latitude?: string | undefined;
}

export class CsvError extends Error {}

/** CSV rows as point features; the coordinate columns are named in options or found by their usual names. */
export function parseCsvPoints(text: string, columns: CsvColumns = {}): SourceFeature[] {
  const [header = [], ...rows] = parseCsvRows(text);
  const names = header.map((name) => name.trim());
  const find = (wanted: string | undefined, usual: readonly string[]) =>
    wanted !== undefined
      ? names.indexOf(wanted)
      : names.findIndex((name) => usual.includes(name.toLowerCase()));
  const longitudeColumn = find(columns.longitude, longitudeNames);
  const latitudeColumn = find(columns.latitude, latitudeNames);
  if (longitudeColumn < 0 || latitudeColumn < 0)
    throw new CsvError(
      `no ${longitudeColumn < 0 ? 'longitude' : 'latitude'} column (have: ${names.join(', ')})`,
    );
  return rows.map((cells, rowIndex) => {
    const longitude = Number(cells[longitudeColumn]);
    const latitude = Number(cells[latitudeColumn]);
    if (!Number.isFinite(longitude) || !Number.isFinite(latitude))
      throw new CsvError(
        `row ${rowIndex + 2}: coordinates "${cells[longitudeColumn] ?? ''}, ${cells[latitudeColumn] ?? ''}" are not numbers`,
      );
    const properties: Record<string, unknown> = {};
    names.forEach((name, column) => {
      if (column !== longitudeColumn && column !== latitudeColumn) properties[name] = cells[column] ?? '';
    });
    return { geometry: { type: 'Point', coordinates: [longitude, latitude] }, properties };
  });
}
