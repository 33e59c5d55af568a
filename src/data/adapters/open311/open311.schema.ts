import { z } from 'zod';
import { caseCategories, caseChannels } from '../../../domain/case';
import { departmentIds } from '../../../domain/department';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read leniently where real servers differ from the
 * specification's examples: ids and service codes come as numbers or strings, coordinates as numbers or numeric
 * strings, optional fields as null, missing or "", URLs with trailing spaces.
 */
const idText = z.union([z.string(), z.number()]).transform((value) => String(value).trim());
const optionalText = z
  .string()
  .nullish()
  .transform((value) =>
    value === null || value === undefined || value.trim() === '' ? undefined : value.trim(),
  );
const coordinate = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === '' ? undefined : Number(value)));

export const open311RequestSchema = z.object({
  service_request_id: idText.nullish(),
  token: idText.nullish(),
  status: z.string().transform((value) => value.trim().toLowerCase()),
  status_notes: optionalText,
  service_name: optionalText,
  service_code: idText.nullish(),
  description: optionalText,
  requested_datetime: z.string(),
  updated_datetime: optionalText,
  expected_datetime: optionalText,
  address: optionalText,
  lat: coordinate,
  long: coordinate,
  media_url: optionalText,
  /** The agency GeoReport names as responsible: a department, through `options.departments`. */
  agency_responsible: optionalText,
  /** Servers that implement the `extensions` add-on put their own fields here. */
  extended_attributes: z.record(z.string(), z.unknown()).nullish(),
});
export type Open311Request = z.infer<typeof open311RequestSchema>;
export const open311RequestsSchema = z.array(open311RequestSchema);

export const open311ServiceSchema = z.object({
  service_code: idText,
  service_name: optionalText,
  description: optionalText,
  group: optionalText,
  keywords: optionalText,
});
export type Open311Service = z.infer<typeof open311ServiceSchema>;
export const open311ServicesSchema = z.array(open311ServiceSchema);

export const open311OptionsSchema = z.object({
  jurisdictionId: z.string().min(1).optional(),
  /** Turns on `page`/`page_size` paging (a common extension); without it one call per window. */
  pageSize: z.number().int().min(1).max(10_000).optional(),
  /** Longest `start_date`…`end_date` window per call; the specification allows 90 days. */
  windowDays: z.number().int().min(1).max(90).default(90),
  /**
   * The most requests the server returns for one call (GeoReport v2 servers cap `requests.json`, 1,000 by
   * default): an answer this long may have been cut, so its window is split until every call is under it.
   */
  maxRequestsPerCall: z.number().int().min(1).max(100_000).default(1_000),
  /** A runaway guard on paging. */
  maxPages: z.number().int().positive().default(200),
  /** Ask for `extended_attributes` (`extensions=true`), where a server keeps the finer stage. */
  extensions: z.boolean().default(false),
  /** The `extended_attributes` key holding the stage, if the server has one. */
  stageAttribute: z.string().min(1).default('stage'),
  /** service_code (or service_name) → the dashboard's category. */
  categories: z.record(z.string(), z.enum(caseCategories)).default({}),
  defaultCategory: z.enum(caseCategories).default('livelihood'),
  /** agency_responsible → the department's code (docs/api.md, /departments); an agency not listed gives none. */
  departments: z.record(z.string(), z.enum(departmentIds)).default({}),
  channel: z.enum(caseChannels).default('other'),
  /** Deadline for a request without `expected_datetime`, in days after it was requested. */
  defaultDeadlineDays: z.number().positive().default(15),
});
export type Open311Options = z.infer<typeof open311OptionsSchema>;
