import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataError } from '../../../data/data-error';
import {
  cameraPurposes,
  cameraStatuses,
  type CameraPurpose,
  type CameraStatus,
} from '../../../domain/points';
import type { CameraFilter } from '../../../map/camera-points';
import { fillModes, type FillMode } from '../../../map/grid-fill';
import { formatCount, formatPercent } from '../../../ui/format';
import type { CameraSummary } from './camera-summary';

/** Map layers the panel toggles, each with the query whose loading state it shows. */
export const toggledLayers = ['grids', 'cameras', 'stations', 'serviceAreas', 'cases', 'workers'] as const;
export type ToggledLayer = (typeof toggledLayers)[number];

interface LayerPanelProps {
  layers: ReadonlySet<string>;
  onToggle: (layer: ToggledLayer, on: boolean) => void;
  status: Record<ToggledLayer, Pick<UseQueryResult<unknown, DataError>, 'isPending' | 'isError'>>;
  fill: FillMode;
  onFill: (mode: FillMode) => void;
  cameraFilter: CameraFilter;
  onCameraFilter: (filter: CameraFilter) => void;
  cameraSummary: CameraSummary | null;
  /** Layers this city's sources cannot serve (grid workers without a source for them), left out of the list. */
  unavailable?: ReadonlySet<ToggledLayer>;
  /** More layers under the city's own (files dropped on the map). */
  children?: ReactNode;
}

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export function LayerPanel(props: LayerPanelProps) {
  const { t, i18n } = useTranslation('map');
  const { cameraFilter, onCameraFilter, cameraSummary } = props;
  const rate =
    cameraSummary && cameraSummary.total > 0
      ? formatPercent(cameraSummary.online / cameraSummary.total, i18n.language)
      : null;
  return (
    <section className="map-panel map-layer-panel" aria-label={t('layerPanel.title')}>
      <h2>{t('layerPanel.title')}</h2>
      <ul className="map-layer-panel__layers">
        {toggledLayers
          .filter((layer) => !props.unavailable?.has(layer))
          .map((layer) => (
            <li key={layer}>
              <label>
                <input
                  type="checkbox"
                  checked={props.layers.has(layer)}
                  onChange={(event) => props.onToggle(layer, event.target.checked)}
                />
                {t(`layerPanel.layers.${layer}`)}
              </label>
              {props.status[layer].isPending && (
                <span className="map-layer-panel__state" role="status">
                  {t('layerPanel.loading')}
                </span>
              )}
              {props.status[layer].isError && (
                <span className="map-layer-panel__state map-layer-panel__state--failed">
                  {t('layerPanel.failed')}
                </span>
              )}
            </li>
          ))}
      </ul>
      {props.children}
      <label className="map-layer-panel__fill">
        {t('fill.label')}
        <select value={props.fill} onChange={(event) => props.onFill(event.target.value as FillMode)}>
          {fillModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`fill.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      {props.layers.has('cameras') && (
        <>
          <fieldset>
            <legend>{t('cameraFilter.status')}</legend>
            {cameraStatuses.map((status: CameraStatus) => (
              <label key={status}>
                <input
                  type="checkbox"
                  checked={cameraFilter.statuses.has(status)}
                  onChange={(event) =>
                    onCameraFilter({
                      ...cameraFilter,
                      statuses: toggled(cameraFilter.statuses, status, event.target.checked),
                    })
                  }
                />
                {t(`cameraStatus.${status}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('cameraFilter.purpose')}</legend>
            {cameraPurposes.map((purpose: CameraPurpose) => (
              <label key={purpose}>
                <input
                  type="checkbox"
                  checked={cameraFilter.purposes.has(purpose)}
                  onChange={(event) =>
                    onCameraFilter({
                      ...cameraFilter,
                      purposes: toggled(cameraFilter.purposes, purpose, event.target.checked),
                    })
                  }
                />
                {t(`cameraPurpose.${purpose}`)}
              </label>
            ))}
          </fieldset>
          {cameraSummary && (
            <p className="map-layer-panel__summary" data-testid="camera-summary">
              {rate
                ? t('cameraSummary', {
                    total: formatCount(cameraSummary.total, i18n.language),
                    online: formatCount(cameraSummary.online, i18n.language),
                    rate,
                  })
                : t('cameraSummaryNone')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
