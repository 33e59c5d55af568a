import i18next, { type TFunction } from 'i18next';
import { DataError } from '../../src/data/data-error';
import type { ResolvedSource } from '../../src/data/provider';
import { restAdapter } from '../../src/data/rest/rest.adapter';
import { screenLayer, type SkippedFeature } from '../../src/data/partial-layer';
import { failureText } from '../../src/ui/failure-text';
import { noticeText } from '../../src/ui/layer-notice-text';
import enCommon from '../../src/ui/i18n/locales/en/common.json';
import zhCommon from '../../src/ui/i18n/locales/zh-CN/common.json';
import { jincheng } from './bodies';
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
  /** The notice's line for features left out, in each UI language (empty when none was left out). */
  notice: { en: string; zh: string };
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
  const line = t('alert.layerFailed', { layer: t(`layers.${error.layer}`), reason: failureText(t, error) });
  return error.serverMessage === undefined
    ? line
    : `${line} ${t('alert.serverSaid', { message: error.serverMessage })}`;
}

/** The notice's line exactly as LayerNotice renders it. */
function noticeLine(
  layer: WireFault['layer'],
  skipped: readonly SkippedFeature[],
  drawn: number,
  language: 'en' | 'zh-CN',
) {
  return noticeText(i18n.getFixedT(language, 'common'), layer, skipped, drawn).line;
}

/** The demo city's surroundings, as its meta would give them: for the swapped-coordinates check. */
const cityExtent = [jincheng.lng - 1, jincheng.lat - 1, jincheng.lng + 1, jincheng.lat + 1] as const;

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
    const answer =
      fault.layer === 'cameras'
        ? await restAdapter.cameras!(call, {})
        : fault.layer === 'grids'
          ? await restAdapter.grids!(call, {})
          : await restAdapter.cases!(call, {
              from: '2026-11-20T00:00:00+08:00',
              to: '2026-11-23T00:00:00+08:00',
            });
    // The data source's last step, as createDataSource applies it to every provider's answer.
    const collection = await screenLayer(fault.layer, answer, {
      extent: () => Promise.resolve(cityExtent),
      maxInvalidShare: 0.5,
    });
    const skipped = collection.skipped ?? [];
    const drawn = collection.features.length;
    return {
      error: null,
      features: drawn,
      alert: { en: '', zh: '' },
      notice: {
        en: skipped.length > 0 ? noticeLine(fault.layer, skipped, drawn, 'en') : '',
        zh: skipped.length > 0 ? noticeLine(fault.layer, skipped, drawn, 'zh-CN') : '',
      },
      requests,
    };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return {
      error,
      features: null,
      alert: { en: alertText(error, 'en'), zh: alertText(error, 'zh-CN') },
      notice: { en: '', zh: '' },
      requests,
    };
  } finally {
    globalThis.fetch = original;
  }
}
