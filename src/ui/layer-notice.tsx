import { useTranslation } from 'react-i18next';
import type { LayerKind } from '../domain/runtime-config';
import { noticeText, type SkippedLike } from './layer-notice-text';
import './layer-notice.css';

interface LayerNoticeProps {
  layer: LayerKind;
  /** The features left out; nothing is rendered when there are none. */
  skipped: readonly SkippedLike[] | undefined;
  /** How many features the layer draws, to say "5 of 3,000". */
  drawn: number;
}

/**
 * A layer that drew most of its features but left some out says so without getting in the way: how many, why
 * (grouped by problem), the first few named, and the full list on demand. `role="status"`, not an alert: the
 * layer works, the data needs fixing at its source.
 */
export function LayerNotice({ layer, skipped, drawn }: LayerNoticeProps) {
  const { t } = useTranslation('common');
  if (!skipped || skipped.length === 0) return null;
  const { line, entries } = noticeText(t, layer, skipped, drawn);
  return (
    <div role="status" className="layer-notice" data-layer={layer} data-skipped={skipped.length}>
      <p>{line}</p>
      <details>
        <summary>{t('notice.showAll', { count: skipped.length })}</summary>
        <ol className="layer-notice__list">
          {entries.map((entry, index) => (
            <li key={skipped[index]?.number ?? index}>{entry}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
