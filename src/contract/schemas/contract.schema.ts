import { z } from 'zod';
import { cameraPurposes, cameraStatuses, stationKinds, stationLevels } from '../../domain/points';
import {
  caseCategories,
  caseChannels,
  caseStages,
  escalationReasons,
  satisfactionLevels,
  settlementLevels,
  supervisingLevels,
  supervisionStates,
} from '../../domain/case';
import { departmentIds } from '../../domain/department';
import { gridTypes } from '../../domain/grid';
import { regionLevels } from '../../domain/hierarchy';
import { caseId, cameraId, gridId, regionId, stationId } from '../../domain/ids';
import { vectorTileMaxZoom } from '../vector-tiles';
import { areaGeometrySchema, featureCollectionSchema, pointSchema } from './geojson.schema';

/**
 * The REST contract's response schemas (docs/api.md). The mock API validates what it serves against these and
 * the client parses what it receives with them: one definition, so the two cannot drift apart.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const nonEmpty = z.string().trim().min(1);
const tileTemplate = z
  .string()
  .regex(/^\/[^?#]*\{z\}[^?#]*\{x\}[^?#]*\{y\}/, 'a path from the API base holding {z}, {x} and {y}');

export const metaSchema = z.object({
  name: nonEmpty,
  city: nonEmpty,
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  crs: z.enum(['wgs84', 'gcj02']),
  dataTime: isoDateTime,
  attribution: z.string().optional(),
  live: z.boolean().optional(),
  /** The source also serves the grid workers (`/workers`, docs/api.md); absent: it does not, and none are asked. */
  workers: z.boolean().optional(),
  /**
   * Vector tiles the server cuts (docs/api.md, Tiles): URL templates relative to the API base, `{z}/{x}/{y}`
   * filled in by the map. Absent: the client cuts its own tiles from `/grids` when there are many.
   */
  tiles: z
    .object({
      grids: tileTemplate,
      regions: tileTemplate.optional(),
      minzoom: z.int().min(0).max(vectorTileMaxZoom),
      maxzoom: z.int().min(0).max(vectorTileMaxZoom),
    })
    .optional(),
});
export type Meta = z.infer<typeof metaSchema>;

export const regionPropertiesSchema = z.object({
  id: nonEmpty.transform(regionId),
  name: nonEmpty,
  level: z.enum(regionLevels),
  parentId: nonEmpty.transform(regionId).nullable(),
});
export const regionsSchema = featureCollectionSchema(areaGeometrySchema, regionPropertiesSchema);
export type RegionCollection = z.infer<typeof regionsSchema>;
export type RegionFeature = RegionCollection['features'][number];

export const gridPropertiesSchema = z.object({
  id: nonEmpty.transform(gridId),
  code: nonEmpty,
  name: nonEmpty,
  communityId: nonEmpty.transform(regionId),
  type: z.enum(gridTypes),
  households: z.number().int().nonnegative(),
  population: z.number().int().nonnegative(),
  // Absent for a role that does not receive people's names (the wall display, docs/security.md).
  workerName: z.string().default(''),
  version: z.number().int().nonnegative(),
});
export const gridsSchema = featureCollectionSchema(areaGeometrySchema, gridPropertiesSchema);
export type GridCollection = z.infer<typeof gridsSchema>;
export type GridFeature = GridCollection['features'][number];

export const cameraPropertiesSchema = z.object({
  id: nonEmpty.transform(cameraId),
  name: nonEmpty,
  status: z.enum(cameraStatuses),
  purpose: z.enum(cameraPurposes),
  gridId: nonEmpty.transform(gridId).nullable(),
});
export const camerasSchema = featureCollectionSchema(pointSchema, cameraPropertiesSchema);
export type CameraCollection = z.infer<typeof camerasSchema>;
export type CameraFeature = CameraCollection['features'][number];

/**
 * A URL the browser loads itself (a stream, a picture): absolute, or a path on the dashboard's own origin. The
 * CSP's media-src must allow its origin (csp.config.ts, `video.mediaOrigins`).
 */
const mediaUrl = z
  .string()
  .min(1)
  .refine((url) => url.startsWith('/') || URL.canParse(url), 'an absolute URL or a path from the site root');

/**
 * One camera (`GET /cameras/{id}`, docs/api.md): the list's properties and where to watch it: `streamUrl` an HLS
 * playlist, `snapshotUrl` a still picture. Either may be absent (a camera not yet connected to the video platform).
 * The list leaves them out: 2.4 M cameras' URLs would weigh more than the cameras.
 */
export const cameraDetailSchema = z.object({
  type: z.literal('Feature'),
  geometry: pointSchema,
  properties: cameraPropertiesSchema.extend({
    streamUrl: mediaUrl.optional(),
    snapshotUrl: mediaUrl.optional(),
  }),
});
export type CameraDetail = z.infer<typeof cameraDetailSchema>;

export const stationPropertiesSchema = z.object({
  id: nonEmpty.transform(stationId),
  name: nonEmpty,
  kind: z.enum(stationKinds),
  level: z.enum(stationLevels),
  address: z.string(),
  // Absent for a role that does not receive phone numbers (docs/security.md).
  phone: z.string().default(''),
  hours: z.string(),
});
export const stationsSchema = featureCollectionSchema(pointSchema, stationPropertiesSchema);
export type StationCollection = z.infer<typeof stationsSchema>;
export type StationFeature = StationCollection['features'][number];

const stageTimesSchema = z.partialRecord(z.enum(caseStages), isoDateTime);

export const escalationSchema = z.object({
  at: isoDateTime,
  fromLevel: z.enum(settlementLevels),
  toLevel: z.enum(settlementLevels),
  reason: z.enum(escalationReasons),
});
export const supervisionSchema = z.object({
  by: z.enum(supervisingLevels),
  at: isoDateTime,
  deadline: isoDateTime,
  state: z.enum(supervisionStates),
});

export const casePropertiesSchema = z.object({
  id: nonEmpty.transform(caseId),
  title: z.string(),
  channel: z.enum(caseChannels),
  category: z.enum(caseCategories),
  status: z.enum(caseStages),
  reportedAt: isoDateTime,
  dueAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  resolved: z.boolean().nullable(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  gridId: nonEmpty.transform(gridId).nullable(),
  stageTimes: stageTimesSchema.optional(),
  // Who handles it and where it was settled (docs/api.md, "Departments and levels"): a source without them
  // (an Open311 or OGC service that does not say) gives none, so they default to nothing.
  department: z.enum(departmentIds).nullable().default(null),
  assignee: nonEmpty.nullable().default(null),
  resolvedAtLevel: z.enum(settlementLevels).nullable().default(null),
  escalations: z.array(escalationSchema).default([]),
  supervision: supervisionSchema.nullable().default(null),
});
export const casesSchema = featureCollectionSchema(pointSchema, casePropertiesSchema);
export type CaseCollection = z.infer<typeof casesSchema>;
export type CaseFeature = CaseCollection['features'][number];
/** One `case` event on the stream: the whole feature, new or changed. */
export const caseEventSchema = z.object({
  type: z.literal('Feature'),
  geometry: pointSchema,
  properties: casePropertiesSchema,
});

export const departmentsSchema = z.object({
  departments: z.array(
    z.object({
      id: z.enum(departmentIds),
      name: nonEmpty,
      categories: z.array(z.enum(caseCategories)),
    }),
  ),
});
export type DepartmentsResponse = z.infer<typeof departmentsSchema>;

const ratioSchema = z.object({ numerator: z.number().nonnegative(), denominator: z.number().nonnegative() });
export const indicatorFiguresSchema = z.object({
  casesReported: z.number().int().nonnegative(),
  casesClosed: z.number().int().nonnegative(),
  openCases: z.number().int().nonnegative(),
  overdueCases: z.number().int().nonnegative(),
  resolutionRate: ratioSchema,
  satisfactionRate: ratioSchema,
  onTimeRate: ratioSchema,
  volunteerHours: z.number().nonnegative(),
});

const count = z.number().int().nonnegative();
/** src/domain/settlement.ts (SettlementFigures): where the period's closed cases were settled, and supervision. */
export const settlementFiguresSchema = z.object({
  settledAt: z.object({ grid: count, community: count, street: count, district: count, city: count }),
  withinStreet: ratioSchema,
  escalationRate: ratioSchema,
  supervisedCases: count,
  supervisionMet: ratioSchema,
});
/** src/domain/settlement.ts (DepartmentFigures): one department's closed and overdue cases in the period. */
export const departmentFiguresSchema = z.object({
  department: z.enum(departmentIds),
  onTimeRate: ratioSchema,
  medianHandlingMs: z.number().nonnegative().nullable(),
  overdueCases: count,
});

export const intervals = ['day', 'week', 'month'] as const;
export type Interval = (typeof intervals)[number];

export const indicatorsSchema = z.object({
  region: z.object({ id: nonEmpty, name: nonEmpty, level: z.enum([...regionLevels, 'grid']) }),
  from: isoDateTime,
  to: isoDateTime,
  interval: z.enum(intervals),
  figures: indicatorFiguresSchema,
  series: z.array(z.object({ start: isoDateTime, figures: indicatorFiguresSchema })),
  children: z.array(
    z.object({
      id: nonEmpty,
      name: nonEmpty,
      level: z.enum([...regionLevels, 'grid']),
      figures: indicatorFiguresSchema,
      settlement: settlementFiguresSchema,
    }),
  ),
  // The unit's own, for the period (docs/api.md, "Settlement and departments").
  settlement: settlementFiguresSchema,
  departments: z.array(departmentFiguresSchema),
  dataTime: isoDateTime,
});
export type IndicatorsResponse = z.infer<typeof indicatorsSchema>;

export const saveGridsRequestSchema = z.object({
  baseVersion: z.number().int().nonnegative(),
  grids: gridsSchema,
});
export const saveGridsConflictSchema = z.object({ error: z.literal('conflict'), currentVersion: z.number() });
export const saveGridsInvalidSchema = z.object({
  error: z.literal('invalid'),
  reasons: z.array(z.object({ gridId: z.string().nullable(), reason: z.string() })),
});
export const saveGridsOkSchema = z.object({ version: z.number().int() });
