import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationFeature } from '../../../contract/schemas/contract.schema';
import { formatCount, formatPercent, formatPublicCount } from '../../../ui/format';
import type { CameraSummary } from './camera-summary';
import { maskPersonName } from '../../../domain/personal-data';
import type { MapGridProperties } from './use-map-data';
import { GridScorecardButton } from '../review/assessment/grid-scorecard-button';

interface Row {
  label: string;
  value: string;
}

function Panel({
  title,
  heading,
  rows,
  onClose,
  children,
}: {
  title: string;
  heading: string;
  rows: Row[];
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('map');
  return (
    <section className="map-panel map-detail" aria-label={heading}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      <p className="map-detail__kind">{heading}</p>
      <dl>
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}

interface GridDetailProps {
  grid: MapGridProperties;
  communityName: string | null;
  cameras: CameraSummary | null;
  publicView: boolean;
  minimumCount: number;
  onClose: () => void;
}

/** The selected grid (its id is in the URL as ?grid=): who lives there, who looks after it, what watches it. */
export function GridDetail({
  grid,
  communityName,
  cameras,
  publicView,
  minimumCount,
  onClose,
}: GridDetailProps) {
  const { t, i18n } = useTranslation('map');
  const count = (value: number) =>
    publicView ? formatPublicCount(value, minimumCount, i18n.language) : formatCount(value, i18n.language);
  const rows: Row[] = [
    { label: t('detail.code'), value: grid.code },
    { label: t('tooltip.type'), value: t(`gridTypes.${grid.type}`) },
    ...(communityName ? [{ label: t('detail.community'), value: communityName }] : []),
    { label: t('tooltip.households'), value: count(grid.households) },
    { label: t('tooltip.population'), value: count(grid.population) },
    { label: t('tooltip.worker'), value: publicView ? maskPersonName(grid.workerName) : grid.workerName },
    { label: t('tooltip.serviceReach'), value: formatPercent(grid.serviceReach, i18n.language, 0) ?? '—' },
    ...(cameras
      ? [
          {
            label: t('detail.cameras'),
            value: t('detail.camerasValue', { total: cameras.total, online: cameras.online }),
          },
        ]
      : []),
  ];
  return (
    <Panel title={grid.name} heading={t('detail.grid')} rows={rows} onClose={onClose}>
      <GridScorecardButton gridId={grid.id} name={grid.name} />
    </Panel>
  );
}

export function StationDetail({
  station,
  onClose,
}: {
  station: StationFeature['properties'];
  onClose: () => void;
}) {
  const { t } = useTranslation('map');
  const rows: Row[] = [
    { label: t('detail.kind'), value: t(`stationKinds.${station.kind}`) },
    { label: t('detail.level'), value: t(`stationLevels.${station.level}`) },
    { label: t('detail.address'), value: station.address },
    { label: t('detail.phone'), value: station.phone },
    { label: t('detail.hours'), value: station.hours },
  ];
  return <Panel title={station.name} heading={t('detail.station')} rows={rows} onClose={onClose} />;
}
