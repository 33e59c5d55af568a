import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraDetail } from '../../contract/schemas/contract.schema';
import { DataError } from '../../data/data-error';
import { useDataSource } from '../../data/data-source-context';
import { useUnitTree } from '../../data/queries';
import { failureText } from '../../ui/failure-text';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import type { StreamFailure } from './hls-playback';
import { useStream } from './use-stream';

/**
 * One camera: its picture, name, status and grid. A stream that fails says so in an alert that names the camera
 * and the reason, and is retried with backoff (use-stream.ts); a camera with no stream says that instead.
 */
export function CameraPlayer({ id }: { id: string }) {
  const { t } = useTranslation('video');
  const { t: common } = useTranslation('common');
  const source = useDataSource();
  const camera = useQuery<CameraDetail, DataError>({
    queryKey: ['camera', id],
    queryFn: ({ signal }) =>
      source.camera
        ? source.camera(id, signal)
        : Promise.reject(new DataError('cameras', 'config', 'this data source has no camera details')),
    staleTime: 60_000,
  });
  const properties = camera.data?.properties;
  const name = properties?.name ?? id;
  const streamUrl = properties?.streamUrl ?? null;
  const blocked = useBlockedOrigin(streamUrl);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useStream(video, streamUrl, blocked);
  const gridName = useUnitTree()?.get(properties?.gridId ?? '')?.name ?? properties?.gridId ?? null;

  return (
    <figure
      className="camera-player"
      data-camera-id={id}
      data-state={stream.kind}
      data-engine={stream.kind === 'playing' ? stream.engine : undefined}
    >
      <div className="camera-player__screen">
        <video
          ref={video}
          muted
          playsInline
          autoPlay
          loop
          aria-label={name}
          {...(properties?.snapshotUrl !== undefined && { poster: properties.snapshotUrl })}
        />
        {stream.kind === 'connecting' && <p className="camera-player__state">{t('loading')}</p>}
      </div>
      <figcaption>
        <strong>{name}</strong>
        {properties && (
          <span className={`camera-player__status camera-player__status--${properties.status}`}>
            {t(`map:cameraStatus.${properties.status}`)}
          </span>
        )}
        {properties && (
          <span>
            {t('grid')}: {gridName ?? t('noGrid')}
          </span>
        )}
      </figcaption>
      {camera.error && (
        <p role="alert" className="layer-alert" data-layer="video">
          {t('failed', {
            camera: name,
            reason: t('reason.camera', { reason: failureText(common, camera.error) }),
          })}
        </p>
      )}
      {properties && streamUrl === null && (
        <p role="status" className="camera-player__note">
          {t('noStream', { camera: name })}
        </p>
      )}
      {stream.kind === 'failed' && (
        <p role="alert" className="layer-alert" data-layer="video">
          {t('failed', { camera: name, reason: t(`reason.${stream.failure.code}`, stream.failure) })}
          {stream.retryInMs > 0 &&
            ` · ${t('retryingIn', { seconds: Math.ceil(stream.retryInMs / 1000), attempt: stream.attempt })}`}
        </p>
      )}
    </figure>
  );
}

/**
 * A stream from an origin the configuration does not name (`video.mediaOrigins`, nor the page's own) would be
 * refused by the CSP's media-src and play nothing: it is named as refused instead of being tried.
 */
function useBlockedOrigin(streamUrl: string | null): StreamFailure | null {
  const { video } = useRuntimeConfig();
  return useMemo(() => {
    if (streamUrl === null) return null;
    const origin = new URL(streamUrl, window.location.href).origin;
    if (
      origin === window.location.origin ||
      video.mediaOrigins.some((allowed) => new URL(allowed).origin === origin)
    )
      return null;
    return { code: 'origin', origin };
  }, [streamUrl, video.mediaOrigins]);
}
