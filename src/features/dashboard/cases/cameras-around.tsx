import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapCrs } from '../../../data/map-crs';
import { CameraIndex } from '../../../domain/camera-index';
import { maxPlayers, useCameraViewer } from '../../../ui/camera-viewer';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import { useCameraPoints } from '../map/use-camera-points';

/**
 * "Patrol by mouse" (鼠标巡逻): the four cameras nearest a case, whatever their state, opened at once in the 2×2
 * player. Case and cameras are both in the base map's coordinates here (the live columns and the map's cameras),
 * so the distances are the map's.
 */
export function CamerasAround({ caseId, position }: { caseId: string; position: readonly [number, number] }) {
  const { t } = useTranslation('video');
  const { points } = useCameraPoints(useMapCrs(useRuntimeConfig().basemap.crs));
  const index = useMemo(() => (points ? new CameraIndex(points) : null), [points]);
  const nearest = useMemo(() => index?.nearest(position, maxPlayers) ?? [], [index, position]);
  const { openCameras } = useCameraViewer();
  if (!points || nearest.length === 0) return null;
  return (
    <button
      type="button"
      className="case-detail__cameras"
      onClick={() =>
        openCameras(
          nearest.map(({ row }) => points.id(row)),
          caseId,
        )
      }
    >
      {t('aroundButton', { count: nearest.length })}
    </button>
  );
}
