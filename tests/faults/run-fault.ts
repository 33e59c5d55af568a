import i18next, { type TFunction } from 'i18next';
import { DataError } from '../../src/data/data-error';
import type { ResolvedSource } from '../../src/data/provider';
import { restAdapter } from '../../src/data/rest/rest.adapter';
import { failureText } from '../../src/ui/failure-text';
import enCommon from '../../src/ui/i18n/locales/en/common.json';
import zhCommon from '../../src/ui/i18n/locales/zh-CN/common.json';
import { secretToken, type FaultResponse, type WireFault } from './catalogue';

/** What one request of a fault run looked like on the wire. */
export interface SeenRequest {
  url: string;
  headers: Record<string, string>;
}

export interface FaultRun {
  /** The typed failure, when the layer failed. */
  error: DataError | null;
  /** How many features the layer delivered, when it did not. */
  features: number | null;
  /** The alert as the user reads it, in each UI language (empty when there is none). */
  alert: { en: string; zh: string };
  requests: SeenRequest[];
}

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { common: enCommon }, 'zh-CN': { common: zhCommon } },
  ns: ['common'],
  defaultNS: 'common',
  lng: 'en',
  interpolation: { escapeValue: false },
});

/** The alert's whole text, exactly as LayerAlert renders it. */
export function alertText(error: DataError, language: 'en' | 'zh-CN'): string {
  const t: TFunction<'common'> = i18n.getFixedT(language, 'common');
  return t('alert.layerFailed', { layer: t(`layers.${error.layer}`), reason: failureText(t, error) });
}

/** A stand-in for the network that answers every request with `respond`, recording what was asked. */
export function fakeFetch(respond: FaultResponse, requests: SeenRequest[]): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    if ('unreachable' in respond) return Promise.reject(new TypeError('Failed to fetch'));
    if ('hang' in respond)
      return new Promise((_, reject) => {
        const signal = init?.signal;
        // AbortSignal.timeout's timer does not keep Node alive; this one does, until the abort comes.
        const alive = setTimeout(() => reject(new Error('the request was never aborted')), 10_000);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(alive);
            reject(signal.reason as Error);
          },
          { once: true },
        );
      });
    const headers = new Headers(respond.headers);
    if (respond.contentType) headers.set('content-type', respond.contentType);
    return Promise.resolve(new Response(respond.body, { status: respond.status, headers }));
  };
}

export const faultSource = (fault: Pick<WireFault, 'layer'>): ResolvedSource => ({
  provider: 'rest',
  layer: fault.layer,
  url: 'https://data.example.cn/gridboard/api',
  headers: { Authorization: secretToken },
  // Short, so the timeout case does not wait out the default 30 s.
  timeoutMs: 100,
});

/** One fault through the real REST adapter, fetchJson and the contract's zod schemas. */
export async function runFault(fault: WireFault): Promise<FaultRun> {
  const requests: SeenRequest[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = fakeFetch(fault.respond, requests);
  try {
    const call = { source: faultSource(fault) };
    const collection =
      fault.layer === 'cameras'
        ? await restAdapter.cameras!(call, {})
        : fault.layer === 'grids'
          ? await restAdapter.grids!(call, {})
          : await restAdapter.cases!(call, {
              from: '2026-11-20T00:00:00+08:00',
              to: '2026-11-23T00:00:00+08:00',
            });
    return { error: null, features: collection.features.length, alert: { en: '', zh: '' }, requests };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return {
      error,
      features: null,
      alert: { en: alertText(error, 'en'), zh: alertText(error, 'zh-CN') },
      requests,
    };
  } finally {
    globalThis.fetch = original;
  }
}
