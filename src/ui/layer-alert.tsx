import { useTranslation } from 'react-i18next';
import type { LayerKind } from '../domain/runtime-config';

interface LayerAlertProps {
  layer: LayerKind | 'meta';
  /** The failure; nothing is rendered without one. */
  error: { reason?: string; message?: string } | null | undefined;
  onRetry?: () => void;
}

/** The one way a failing layer tells the user: names the layer and the reason; the rest of the page stays. */
export function LayerAlert({ layer, error, onRetry }: LayerAlertProps) {
  const { t } = useTranslation('common');
  if (!error) return null;
  const reason = error.reason ?? error.message ?? '';
  return (
    <div role="alert" className="layer-alert" data-layer={layer}>
      <span>{t('alert.layerFailed', { layer: t(`layers.${layer}`), reason })}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('alert.retry')}
        </button>
      )}
    </div>
  );
}
