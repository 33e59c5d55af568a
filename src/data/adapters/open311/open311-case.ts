import { z } from 'zod';
import { DataError } from '../../data-error';
import { stageOfRequest } from './open311-stage';
import type { Open311Options, Open311Request, Open311Service } from './open311.schema';
import { dayMs } from '../../../domain/china-time';

const isoWithOffset = z.iso.datetime({ offset: true });

/** A GeoReport time as the contract's ISO 8601 with offset, keeping the server's own offset when it gave one. */
function contractTime(text: string, field: string): string {
  if (isoWithOffset.safeParse(text).success) return text;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms))
    throw new DataError('cases', 'schema', `Open311 ${field} "${text.slice(0, 40)}" is not a date-time`);
  return new Date(ms).toISOString();
}

/**
 * One service request as a contract case, or null when it cannot be drawn (no id, or an address without
 * coordinates: Gridboard does not geocode). What GeoReport cannot say is filled by stated rules: the channel from
 * the options, `resolved` = closed (the specification defines closed as "resolved"), satisfaction unknown (null,
 * shown as "no data"), the grid left to the spatial join, the department from `agency_responsible` through
 * `options.departments`; GeoReport has no assignee, level, escalation or supervision, so they are none.
 */
export function caseOfRequest(
  request: Open311Request,
  services: ReadonlyMap<string, Open311Service>,
  options: Open311Options,
) {
  const id = request.service_request_id ?? request.token;
  const { lat, long } = request;
  if (!id || lat === undefined || long === undefined || !Number.isFinite(lat) || !Number.isFinite(long))
    return null;
  const reportedAt = contractTime(request.requested_datetime, 'requested_datetime');
  const status = stageOfRequest(request, options);
  const closedAt =
    status === 'closed'
      ? contractTime(request.updated_datetime ?? request.requested_datetime, 'updated_datetime')
      : null;
  const dueAt = request.expected_datetime
    ? contractTime(request.expected_datetime, 'expected_datetime')
    : new Date(Date.parse(reportedAt) + options.defaultDeadlineDays * dayMs).toISOString();
  const code = request.service_code;
  const serviceName =
    request.service_name ??
    (code === undefined || code === null ? undefined : services.get(code)?.service_name);
  const category =
    (code ? options.categories[code] : undefined) ??
    (serviceName ? options.categories[serviceName] : undefined) ??
    options.defaultCategory;
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [long, lat] },
    properties: {
      id,
      title: request.description ?? serviceName ?? code ?? '',
      channel: options.channel,
      category,
      status,
      reportedAt,
      dueAt,
      closedAt,
      resolved: status === 'closed' ? true : null,
      satisfaction: null,
      gridId: null,
      stageTimes: { reported: reportedAt, ...(closedAt !== null && { closed: closedAt }) },
      department: request.agency_responsible
        ? (options.departments[request.agency_responsible] ?? null)
        : null,
      assignee: null,
      resolvedAtLevel: null,
      escalations: [],
      supervision: null,
    },
  };
}
