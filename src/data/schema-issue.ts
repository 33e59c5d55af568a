import type { z } from 'zod';
import type { DataErrorDetail, SchemaProblem } from './data-error';

/**
 * zod's first issue turned into what a person can act on: which feature (its position and id), which field, and
 * what kind of problem. The alert is worded from this in the UI language; zod's own English message goes to
 * `reason` only.
 */
export function schemaIssueDetail(issue: z.core.$ZodIssue | undefined, body: unknown): DataErrorDetail {
  const path = issue?.path ?? [];
  const inFeature = path[0] === 'features' && typeof path[1] === 'number';
  const featureIndex = inFeature ? (path[1] as number) : undefined;
  const field = (inFeature ? path.slice(2) : path).map(String).join('.');
  const featureId = featureIndex === undefined ? undefined : featureIdOf(body, featureIndex);
  return {
    code: 'invalid-data',
    problem: valueAt(body, path) === undefined && issue !== undefined ? 'missing' : problemOf(issue),
    field: field === '' ? '—' : field,
    ...(featureIndex !== undefined && { featureNumber: featureIndex + 1 }),
    ...(featureId !== undefined && { featureId }),
  };
}

function problemOf(issue: z.core.$ZodIssue | undefined): SchemaProblem {
  if (!issue) return 'other';
  switch (issue.code) {
    case 'invalid_type':
      return 'type';
    case 'invalid_value':
    case 'invalid_union':
      return 'value';
    case 'too_small':
    case 'too_big':
      return issue.origin === 'array' ? 'type' : 'range';
    case 'invalid_format':
      return 'format';
    case 'custom':
      if (issue.message.startsWith('duplicate id')) return 'duplicate';
      if (issue.message.includes('crosses itself')) return 'selfIntersection';
      if (issue.message.includes('ring')) return 'ring';
      return 'other';
    default:
      return 'other';
  }
}

/** The offending feature's own id, when the raw document has a readable one (ids are short codes, never secrets). */
function featureIdOf(body: unknown, index: number): string | undefined {
  if (typeof body !== 'object' || body === null || !('features' in body)) return undefined;
  const features = body.features;
  if (!Array.isArray(features)) return undefined;
  const feature: unknown = features[index];
  if (typeof feature !== 'object' || feature === null || !('properties' in feature)) return undefined;
  const properties = feature.properties;
  if (typeof properties !== 'object' || properties === null || !('id' in properties)) return undefined;
  const id = properties.id;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}

/** The raw value at an issue's path (zod does not keep its input unless asked): undefined means absent. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
