import type { CaseCategory, CaseProperties, CaseStage } from './case';

/**
 * The filters of `GET /cases`, as pure functions: the mock API applies them on the server side and the client
 * can apply the same ones to cached or streamed cases, so a live case shows up exactly where a fetch would put it.
 */
export type Bbox = readonly [west: number, south: number, east: number, north: number];

export interface CaseFilter {
  /** Inclusive start of the reporting window, epoch ms. */
  from?: number;
  /** Exclusive end of the reporting window, epoch ms. */
  to?: number;
  bbox?: Bbox;
  statuses?: ReadonlySet<CaseStage>;
  categories?: ReadonlySet<CaseCategory>;
}

type FilteredFacts = Pick<CaseProperties, 'reportedAt' | 'status' | 'category'>;

export const pointInBbox = (bbox: Bbox, longitude: number, latitude: number): boolean =>
  longitude >= bbox[0] && longitude <= bbox[2] && latitude >= bbox[1] && latitude <= bbox[3];

export const bboxesIntersect = (a: Bbox, b: Bbox): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function matchesCaseFilter(
  facts: FilteredFacts,
  position: readonly [number, number],
  filter: CaseFilter,
): boolean {
  if (filter.from !== undefined || filter.to !== undefined) {
    const reported = Date.parse(facts.reportedAt);
    if (filter.from !== undefined && !(reported >= filter.from)) return false;
    if (filter.to !== undefined && !(reported < filter.to)) return false;
  }
  if (filter.statuses && !filter.statuses.has(facts.status)) return false;
  if (filter.categories && !filter.categories.has(facts.category)) return false;
  if (filter.bbox && !pointInBbox(filter.bbox, position[0], position[1])) return false;
  return true;
}

/** "west,south,east,north" in degrees; null when it is not four finite numbers in order. */
export function parseBbox(text: string): Bbox | null {
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) return null;
  const [west = 0, south = 0, east = 0, north = 0] = parts;
  if (west > east || south > north) return null;
  return [west, south, east, north];
}

/** A comma list of allowed words ("reported,filed"); reports the first unknown word instead of dropping it. */
export function parseWordList<T extends string>(
  text: string,
  allowed: readonly T[],
): { values: Set<T> } | { unknown: string } {
  const values = new Set<T>();
  for (const word of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const known = allowed.find((candidate) => candidate === word);
    if (known === undefined) return { unknown: word };
    values.add(known);
  }
  return { values };
}
