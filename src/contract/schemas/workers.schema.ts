import { z } from 'zod';
import { gridId, workerId } from '../../domain/ids';
import { workerEmployments } from '../../domain/workers';
import { featureCollectionSchema, pointSchema, positionSchema } from './geojson.schema';

/**
 * The grid workers' calls (docs/api.md, Grid workers): the roster, the last known positions and a day's patrol
 * track. Names and phones are personal data: a role that does not receive them (the wall display) gets them
 * absent, read here as empty strings, like a grid's `workerName`.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const nonEmpty = z.string().trim().min(1);

export const workerSchema = z.object({
  id: nonEmpty.transform(workerId),
  name: z.string().default(''),
  phone: z.string().default(''),
  gridIds: z.array(nonEmpty.transform(gridId)).min(1),
  employment: z.enum(workerEmployments),
  onDuty: z.boolean(),
});
export const workersSchema = z.object({ workers: z.array(workerSchema) });
export type WorkerRoster = z.infer<typeof workersSchema>;

export const workerPositionPropertiesSchema = z.object({
  id: nonEmpty.transform(workerId),
  at: isoDateTime,
  onDuty: z.boolean(),
});
export const workerPositionsSchema = featureCollectionSchema(pointSchema, workerPositionPropertiesSchema);
export type WorkerPositionCollection = z.infer<typeof workerPositionsSchema>;

/** A day's track: the fixes in time order (none for a day off). */
export const workerTrackSchema = z.object({
  workerId: nonEmpty.transform(workerId),
  date: z.iso.date(),
  points: z
    .array(z.object({ position: positionSchema, at: isoDateTime }))
    .refine(
      (points) =>
        points.every(
          (point, index) =>
            index === 0 || Date.parse(point.at) >= Date.parse(points[index - 1]?.at ?? point.at),
        ),
      'track points are not in time order',
    ),
});
export type WorkerTrack = z.infer<typeof workerTrackSchema>;
