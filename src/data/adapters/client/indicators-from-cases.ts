import type { RuntimeConfig } from '../../../domain/runtime-config';
import type { IndicatorQuery, LayerSources } from '../../provider';
import type { IndicatorsResponse } from '../../../contract/schemas/contract.schema';
import { computeIndicators } from '../client-indicators';
import { IndicatorsClient, type IndicatorsInput } from './indicators-client';
import { incompletenessOf, type MaybeIncomplete } from '../../incompleteness';
import { dayMs } from '../../../domain/china-time';

/** Open cases older than this before the period's end are not fetched (docs/providers.md: a stated limit). */
export const indicatorLookbackDays = 365;

/**
 * The rule: the indicators layer is computed in the browser when `sources.indicators` is absent and the cases
 * come from a provider other than rest (Open311, OGC, a file). With an explicit `sources.indicators` entry, that
 * source is used, whatever serves the cases.
 */
export function servesIndicatorsClientSide(config: RuntimeConfig): boolean {
  const cases = config.sources.cases?.provider ?? 'rest';
  return config.sources.indicators === undefined && cases !== 'rest';
}

export type IndicatorsComputation = (input: IndicatorsInput) => Promise<IndicatorsResponse>;

let sharedClient: IndicatorsClient | undefined;

/**
 * In a Web Worker where the platform has them (the browser): a year of cases takes long enough to join and roll
 * up to freeze the map. Synchronously elsewhere (Node), with the same figures code.
 */
export const computeOffMainThread: IndicatorsComputation = (input) => {
  if (typeof Worker === 'undefined') return Promise.resolve(computeIndicators(input));
  sharedClient ??= IndicatorsClient.inWorker();
  return sharedClient.compute(input);
};

export async function clientSideIndicators(
  layers: Pick<LayerSources, 'cases' | 'grids' | 'regions'>,
  query: IndicatorQuery,
  now: number,
  signal?: AbortSignal,
  compute: IndicatorsComputation = computeOffMainThread,
): Promise<IndicatorsResponse & MaybeIncomplete> {
  const to = query.to === '' ? now : Date.parse(query.to);
  const from = query.from === '' ? to - 30 * dayMs : Date.parse(query.from);
  const earliest = Math.min(from, to - indicatorLookbackDays * dayMs);
  const [cases, grids, regions] = await Promise.all([
    layers.cases({ from: new Date(earliest).toISOString(), to: new Date(to).toISOString() }, signal),
    layers.grids({}, signal),
    layers.regions(signal),
  ]);
  const response = await compute({ cases, grids, regions, query, now });
  signal?.throwIfAborted();
  // Figures from cases the source cut at its cap are a lower bound too: they say so, as the cases do.
  const incomplete = incompletenessOf(cases);
  return incomplete ? { ...response, incomplete } : response;
}
