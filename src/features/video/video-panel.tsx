import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraPlayerProps } from '../../ui/camera-viewer';
import { PanelBoundary } from '../../ui/panel-boundary';
import { CameraPlayer } from './camera-player';
import './video.css';

/**
 * The camera player of every view (src/ui/camera-viewer.tsx): one camera, or up to four in a 2×2 grid (the cameras
 * around a case). Loaded on the first click, with hls.js behind it. Escape closes it.
 */
export default function VideoPanel({ request, onClose }: CameraPlayerProps) {
  const { t } = useTranslation('video');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const title = request.aroundCase === undefined ? t('title') : t('aroundCase', { id: request.aroundCase });
  return (
    <section
      className={`video-panel video-panel--${request.ids.length > 1 ? 'grid' : 'single'}`}
      role="dialog"
      aria-label={title}
      data-testid="video-panel"
    >
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <div className="video-panel__players">
        {request.ids.map((id) => (
          <PanelBoundary key={id} name={id}>
            <CameraPlayer id={id} />
          </PanelBoundary>
        ))}
      </div>
    </section>
  );
}
