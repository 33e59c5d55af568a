import { useTranslation } from 'react-i18next';
import { cameraPurposes, cameraStatuses } from '../../../domain/points';
import type { CameraPoints } from '../../../map/camera-points';
import type { MapPointer } from '../../../map/map-controller';
import type { StationMark } from '../../../map/stations.layer';
import { formatCount, formatPercent, formatPublicCount } from '../../../ui/format';
import { maskPersonName } from '../../../domain/personal-data';
import type { MapGridProperties } from './use-map-data';

interface MapTooltipProps {
  pointer: MapPointer;
  grids: ReadonlyMap<string, MapGridProperties>;
  cameras: CameraPoints | null;
  stations: ReadonlyMap<string, Pick<StationMark, 'name' | 'kind' | 'level'>>;
  /** Public screens: names masked, small counts shown as "<N". */
  publicView: boolean;
  minimumCount: number;
}

/** What the pointer is over, next to the pointer; personal data masked where the view is public. */
export function MapTooltip({ pointer, grids, cameras, stations, publicView, minimumCount }: MapTooltipProps) {
  const { t, i18n } = useTranslation('map');
  const count = (value: number) =>
    publicView ? formatPublicCount(value, minimumCount, i18n.language) : formatCount(value, i18n.language);
  const { target } = pointer;
  let title = '';
  let rows: [string, string][] = [];
  if (target.kind === 'grid') {
    const grid = grids.get(target.id);
    if (!grid) return null;
    title = grid.name;
    rows = [
      [t('tooltip.type'), t(`gridTypes.${grid.type}`)],
      [t('tooltip.households'), count(grid.households)],
      [t('tooltip.population'), count(grid.population)],
      [t('tooltip.worker'), publicView ? maskPersonName(grid.workerName) : grid.workerName],
      [t('tooltip.serviceReach'), formatPercent(grid.serviceReach, i18n.language, 0) ?? '—'],
    ];
  } else if (target.kind === 'camera' && cameras) {
    // The binary format carries ids, not names: the id is the camera's label there.
    title = cameras.name(target.index) ?? cameras.id(target.index);
    rows = [
      [
        t('tooltip.status'),
        t(`cameraStatus.${cameraStatuses[cameras.status[target.index] ?? 0] ?? 'online'}`),
      ],
      [
        t('tooltip.purpose'),
        t(`cameraPurpose.${cameraPurposes[cameras.purpose[target.index] ?? 0] ?? 'road'}`),
      ],
    ];
  } else if (target.kind === 'cameraCluster') {
    title = t('tooltip.cluster', { count: target.count, online: target.online });
  } else if (target.kind === 'station') {
    const station = stations.get(target.id);
    if (!station) return null;
    title = station.name;
    rows = [[t(`stationKinds.${station.kind}`), t(`stationLevels.${station.level}`)]];
  } else if (target.kind === 'worker') {
    // No name here: the positions carry none; the case detail says who, under the view's privacy rules.
    title = t('tooltip.worker');
    rows = [[t('tooltip.status'), t(target.onDuty ? 'tooltip.onDuty' : 'tooltip.offDuty')]];
    if (target.onDuty) rows.push(['', t('tooltip.trackHint')]);
  }
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: pointer.x + 14, top: pointer.y + 14 }}>
      <strong>{title}</strong>
      {rows.length > 0 && (
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
