import type { z } from 'zod';
import { withoutRows, type CameraColumns } from '../domain/camera-columns';
import type { LayerKind } from '../domain/runtime-config';
import { DataError } from './data-error';
import { schemaIssueDetail } from './schema-issue';
import type { PartialLayer, SkippedFeature } from '../contract/skipped-feature';

export type { PartialLayer, SkippedFeature };

/**
 * Layers that survive bad records. One invalid camera among 3,000 must not blank the camera layer: a feature the
 * contract's schema refuses is left out, named here, and the rest are drawn. Only when more than a configured
 * share of a layer is bad (`maxInvalidShare`) does the whole layer fail, as before.
 */

/** Rounds of "drop the refused features, check again": the second finds duplicate ids among the survivors. */
const maxRounds = 4;

type Checked<T> = { ok: true; data: T & PartialLayer } | { ok: false; issue: z.core.$ZodIssue | undefined };

/**
 * Check `body` with `schema`. When every issue lies inside features (`features.<i>…`), those features are left
 * out and listed in `skipped` (their numbers in the original answer); an issue outside any feature (not a
 * FeatureCollection, no `features` array, a bad `meta`) refuses the whole document, with that issue.
 */
export function checkFeatures<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  let current = body;
  let origin: number[] | null = null;
  const skipped: SkippedFeature[] = [];
  for (let round = 0; round < maxRounds; round += 1) {
    const parsed = schema.safeParse(current);
    if (parsed.success) return { ok: true, data: withSkipped(parsed.data, skipped) };
    const features = featuresOf(current);
    if (features === null) return { ok: false, issue: parsed.error.issues[0] };
    const refused = new Map<number, z.core.$ZodIssue>();
    for (const issue of parsed.error.issues) {
      const index = featureIndexOf(issue);
      if (index === undefined) return { ok: false, issue };
      if (!refused.has(index)) refused.set(index, issue);
    }
    for (const [index, issue] of refused) {
      const originalIndex = origin?.[index] ?? index;
      skipped.push(skippedFeature(issue, current, features[index], originalIndex));
    }
    const keptIndices: number[] = (origin ?? features.map((_, index) => index)).filter(
      (_, index) => !refused.has(index),
    );
    current = { ...(current as object), features: features.filter((_, index) => !refused.has(index)) };
    origin = keptIndices;
  }
  return { ok: false, issue: undefined };
}

/** The parsed output is zod's fresh copy, so the list of left-out features is added to it in place. */
function withSkipped<T>(data: T, skipped: SkippedFeature[]): T & PartialLayer {
  if (skipped.length > 0 && typeof data === 'object' && data !== null)
    return Object.assign(data, { skipped });
  // Nothing left out: `skipped` stays absent, which is what PartialLayer's optional member means.
  return data as T & PartialLayer;
}

function featuresOf(body: unknown): unknown[] | null {
  if (typeof body !== 'object' || body === null || !('features' in body)) return null;
  return Array.isArray(body.features) ? (body.features as unknown[]) : null;
}

function featureIndexOf(issue: z.core.$ZodIssue): number | undefined {
  const [first, second] = issue.path;
  return first === 'features' && typeof second === 'number' ? second : undefined;
}

function skippedFeature(
  issue: z.core.$ZodIssue,
  body: unknown,
  feature: unknown,
  originalIndex: number,
): SkippedFeature {
  const detail = schemaIssueDetail(issue, body);
  const problem = detail.code === 'invalid-data' ? detail.problem : 'other';
  const field = detail.code === 'invalid-data' ? detail.field : '—';
  const id = detail.code === 'invalid-data' ? detail.featureId : undefined;
  const position = pointOf(feature);
  return {
    number: originalIndex + 1,
    ...(id !== undefined && { id }),
    problem,
    field,
    ...(position && { position }),
  };
}

/** A Point feature's first two coordinates when both are finite numbers. */
function pointOf(feature: unknown): readonly [number, number] | undefined {
  if (typeof feature !== 'object' || feature === null || !('geometry' in feature)) return undefined;
  const geometry = feature.geometry;
  if (typeof geometry !== 'object' || geometry === null || !('coordinates' in geometry)) return undefined;
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) return undefined;
  const [x, y] = coordinates as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? [x, y]
    : undefined;
}

/** A bounding box [west, south, east, north] in the data's own coordinates. */
type Extent = readonly [number, number, number, number];

const inside = (extent: Extent, x: number, y: number): boolean =>
  x >= extent[0] && x <= extent[2] && y >= extent[1] && y <= extent[3];

/**
 * Swapped longitude/latitude: the point lies outside the city but, read the other way round, inside it. Caught
 * inside the valid range too (a western city's [43.8, 87.6] is a valid position, just not the one meant).
 */
export const looksSwapped = (extent: Extent, x: number, y: number): boolean =>
  !inside(extent, x, y) && inside(extent, y, x);

export interface ScreenOptions {
  /**
   * The city's extent (meta.bbox), or null when unknown: then no point is taken for swapped. Asked only when a
   * point could be swapped at all (its swap is a valid position), so most layers never wait on it.
   */
  extent: () => Promise<Extent | null>;
  /** The share of a layer's features (0–1) that may be left out before the whole layer fails. */
  maxInvalidShare: number;
}

interface PointLike {
  geometry: { type: string; coordinates: unknown };
  properties: { id: string };
}

/** A layer's rows as the screen reads them, whether features or columns. */
interface Rows {
  count: number;
  /** Row `index`'s point, or undefined for a row that is not a point (areas are never taken for swapped). */
  positionOf(index: number): readonly [number, number] | undefined;
  idOf(index: number): string;
  skipped: readonly SkippedFeature[] | undefined;
}

/**
 * The screen itself: which rows to leave out for swapped coordinates, and the whole list of left-out features
 * (the schema's, relabelled as swapped when they are, and these), in the order of the source's answer. Throws
 * when the layer is mostly invalid.
 */
async function screen(
  layer: LayerKind,
  rows: Rows,
  options: ScreenOptions,
): Promise<{ dropped: Set<number>; skipped: SkippedFeature[] }> {
  const extent = mayHoldSwapped(rows) ? await options.extent() : null;
  const earlier = (rows.skipped ?? [])
    .map((feature) =>
      extent && feature.problem === 'range' && feature.position && swappedAt(extent, feature.position)
        ? { ...feature, problem: 'swapped' as const, field: 'geometry.coordinates' }
        : feature,
    )
    .sort((a, b) => a.number - b.number);
  const dropped = new Set<number>();
  const swapped: SkippedFeature[] = [];
  for (let index = 0; extent && index < rows.count; index += 1) {
    const position = rows.positionOf(index);
    if (!position || !swappedAt(extent, position)) continue;
    dropped.add(index);
    swapped.push({
      number: numberInAnswer(index, earlier),
      id: rows.idOf(index),
      problem: 'swapped',
      field: 'geometry.coordinates',
      position,
    });
  }
  const skipped = [...earlier, ...swapped].sort((a, b) => a.number - b.number);
  failWhenMostlyInvalid(layer, skipped, rows.count + earlier.length, options.maxInvalidShare);
  return { dropped, skipped };
}

/** Whether any point's swap is a valid position at all (|longitude| ≤ 90): otherwise none can be swapped. */
function mayHoldSwapped(rows: Rows): boolean {
  if (rows.skipped?.some((feature) => feature.problem === 'range' && feature.position)) return true;
  for (let index = 0; index < rows.count; index += 1) {
    const position = rows.positionOf(index);
    if (position && Math.abs(position[0]) <= 90) return true;
  }
  return false;
}

/**
 * The data source's last step for a feature layer, whatever provider served it: points whose coordinates are
 * swapped are moved to `skipped` (and skipped ones refused for their range are said to be swapped when they are),
 * then the layer fails as a whole when too much of it was left out.
 */
export async function screenLayer<C extends { features: readonly PointLike[] } & PartialLayer>(
  layer: LayerKind,
  collection: C,
  options: ScreenOptions,
): Promise<C> {
  const { features } = collection;
  const { dropped, skipped } = await screen(
    layer,
    {
      count: features.length,
      positionOf: (index) => {
        const feature = features[index];
        return feature?.geometry.type === 'Point' ? pointOf(feature) : undefined;
      },
      idOf: (index) => features[index]?.properties.id ?? '',
      skipped: collection.skipped,
    },
    options,
  );
  if (skipped.length === 0) return collection;
  return { ...collection, features: features.filter((_, index) => !dropped.has(index)), skipped };
}

/** `screenLayer` for a layer read as columns (the columnar cameras): swapped rows are copied out of the columns. */
export async function screenColumns<C extends CameraColumns & PartialLayer>(
  layer: LayerKind,
  columns: C,
  options: ScreenOptions,
): Promise<C> {
  const { dropped, skipped } = await screen(
    layer,
    {
      count: columns.count,
      positionOf: (index) => [
        columns.positions[index * 2] ?? Number.NaN,
        columns.positions[index * 2 + 1] ?? Number.NaN,
      ],
      idOf: (index) => columns.id(index),
      skipped: columns.skipped,
    },
    options,
  );
  if (skipped.length === 0) return columns;
  return { ...withoutRows(columns, dropped), skipped };
}

const swappedAt = (extent: Extent, position: readonly [number, number]) =>
  looksSwapped(extent, position[0], position[1]);

/** The 1-based number, in the source's answer, of the `index`-th row that survived the schema. */
function numberInAnswer(index: number, skipped: readonly SkippedFeature[]): number {
  let number = index + 1;
  for (const feature of skipped) if (feature.number <= number) number += 1;
  return number;
}

/** Past the share, the layer fails with an alert that says how much of it was bad and why (the first reason). */
export function failWhenMostlyInvalid(
  layer: LayerKind,
  skipped: readonly SkippedFeature[],
  total: number,
  maxInvalidShare: number,
): void {
  if (total === 0 || skipped.length / total <= maxInvalidShare) return;
  const first = skipped[0];
  throw new DataError(
    layer,
    'schema',
    `${skipped.length} of ${total} features are invalid (first: feature ${first?.number ?? '?'}, ${first?.field ?? '?'})`,
    undefined,
    undefined,
    {
      code: 'mostly-invalid',
      invalid: skipped.length,
      total,
      problem: first?.problem ?? 'other',
      field: first?.field ?? '—',
    },
  );
}
