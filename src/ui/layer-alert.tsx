import { useTranslation } from 'react-i18next';
import type { LayerKind } from '../domain/runtime-config';
import { failureText, type FailureLike } from './failure-text';

interface LayerAlertProps {
  layer: LayerKind | 'meta';
  /** The failure; nothing is rendered without one. */
  error: FailureLike | null | undefined;
  onRetry?: () => void;
}

/**
 * The one way a failing layer tells the user: names the layer and the reason, in the UI language; the rest of the
 * page stays. The technical reason (English, free of credentials) is kept in `title` for whoever supports it.
 */
export function LayerAlert({ layer, error, onRetry }: LayerAlertProps) {
  const { t } = useTranslation('common');
  if (!error) return null;
  const reason = failureText(t, error);
  return (
    <div role="alert" className="layer-alert" data-layer={layer} title={error.reason ?? error.message}>
      <span>{t('alert.layerFailed', { layer: t(`layers.${layer}`), reason })}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('alert.retry')}
        </button>
      )}
    </div>
  );
}
