import { parseBbox, parseWordList, type Bbox } from '../../src/domain/case-filter';
import { badRequest } from './respond';

/**
 * Reading query parameters the way the contract defines them. A reader returns the value or throws a
 * BadParameter; `answerBadParameters` turns that into a 400, so a typo never silently widens a query.
 */
export class BadParameter extends Error {
  constructor(
    readonly code: 'bad_parameter' | 'unknown_region',
    message: string,
  ) {
    super(message);
  }
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** ISO 8601 instant; a bare date means local (UTC+8) midnight, the city's calendar day. */
export function readInstant(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text === '') return undefined;
  const value = Date.parse(dateOnly.test(text) ? `${text}T00:00:00+08:00` : text);
  if (Number.isNaN(value))
    throw new BadParameter('bad_parameter', `${name} "${text}" is not an ISO 8601 date or date-time`);
  return value;
}

export function readBbox(params: URLSearchParams): Bbox | undefined {
  const text = params.get('bbox');
  if (text === null || text === '') return undefined;
  const value = parseBbox(text);
  if (!value)
    throw new BadParameter('bad_parameter', `bbox "${text}" is not "west,south,east,north" in degrees`);
  return value;
}

export function readWords<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): Set<T> | undefined {
  const text = params.get(name);
  if (text === null || text === '') return undefined;
  const result = parseWordList(text, allowed);
  if ('unknown' in result) {
    throw new BadParameter(
      'bad_parameter',
      `${name} "${result.unknown}" is not one of ${allowed.join(', ')}`,
    );
  }
  return result.values;
}

export function readPeriod(params: URLSearchParams, defaultFrom: (to: number) => number, now: number) {
  const to = readInstant(params, 'to') ?? now;
  const from = readInstant(params, 'from') ?? defaultFrom(to);
  if (from >= to) throw new BadParameter('bad_parameter', 'from must be before to');
  return { from, to };
}

/** Run a handler body; a BadParameter thrown inside becomes the contract's 400 `{error, message}`. */
export async function answerBadParameters(body: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof BadParameter) return badRequest(error.code, error.message);
    throw error;
  }
}
