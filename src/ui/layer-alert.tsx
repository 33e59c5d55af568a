import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerKind } from '../domain/runtime-config';
import { failureText, type FailureLike } from './failure-text';
import { useFormatTime } from './time-format';

/** A failing layer's record (src/data/layer-failure.ts), read structurally: ui sits below data. */
export interface FailureTiming {
  error: unknown;
  /** When the next read starts on its own. */
  retryAt: number;
  /** The last good answer's time, null when the layer never loaded. */
  lastSuccessAt: number | null;
}

interface LayerAlertProps {
  layer: LayerKind | 'meta';
  /** The failure; nothing is rendered without one (or without `failure`). */
  error?: FailureLike | null | undefined;
  /** The failure as kept through its retries: the alert stays until a read succeeds and counts down to the next. */
  failure?: FailureTiming | undefined;
  onRetry?: (() => void) | undefined;
}

/** Seconds until `at`, ticking each quarter second while there is something to count. */
function useSecondsUntil(at: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

const asFailure = (error: unknown): FailureLike | null =>
  typeof error === 'object' && error !== null ? error : null;

/**
 * The one way a failing layer tells the user: names the layer and the reason, in the UI language; the rest of the
 * page stays. Below it what the server itself said (its own message, as plain text), when it said something, and
 * when the layer last loaded and when it tries again. The technical reason (English, free of credentials) is kept
 * in `title` for whoever supports it.
 */
export function LayerAlert({ layer, error, failure, onRetry }: LayerAlertProps) {
  const { t } = useTranslation('common');
  const formatTime = useFormatTime();
  const shown = asFailure(failure?.error) ?? error ?? null;
  const seconds = useSecondsUntil(shown ? failure?.retryAt : undefined);
  if (!shown) return null;
  const reason = failureText(t, shown);
  return (
    <div role="alert" className="layer-alert" data-layer={layer} title={shown.reason ?? shown.message}>
      <div className="layer-alert__text">
        <span>{t('alert.layerFailed', { layer: t(`layers.${layer}`), reason })}</span>
        {shown.serverMessage !== undefined && (
          <span className="layer-alert__server" data-server-message="">
            {t('alert.serverSaid', { message: shown.serverMessage })}
          </span>
        )}
        {failure && (
          <span className="layer-alert__timing" data-retry-in={seconds}>
            {failure.lastSuccessAt === null
              ? t('alert.neverLoaded')
              : t('alert.lastLoaded', { time: formatTime(failure.lastSuccessAt, 'clockSeconds') })}
            {t('alert.separator')}
            {seconds === undefined || seconds === 0
              ? t('alert.retryingNow')
              : t('alert.retryingIn', { seconds })}
          </span>
        )}
      </div>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('alert.retry')}
        </button>
      )}
    </div>
  );
}
