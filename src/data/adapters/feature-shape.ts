import { z } from 'zod';

/**
 * A GeoJSON feature as a foreign service (OGC API, WFS) writes it, checked only for its shape: the contract's
 * schemas judge its geometry and properties later, feature by feature, so one bad record is left out, not fatal.
 */
export const foreignFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.unknown(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});
