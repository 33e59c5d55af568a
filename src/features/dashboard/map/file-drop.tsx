import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../ui/format';
import type { DroppedFiles } from './use-dropped-files';
import './file-drop.css';

const acceptedFiles = '.geojson,.json,.kml,.zip,.csv';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/**
 * Makes the map a drop target for files (placed inside GridMap, it listens on the map's own element) and shows,
 * per file that could not be read, an alert naming the file and the reason. A bad file changes nothing else.
 */
export function FileDropTarget({ files }: { files: DroppedFiles }) {
  const { t } = useTranslation('map');
  const anchor = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  const { add } = files;

  useEffect(() => {
    const map = anchor.current?.parentElement;
    if (!map) return;
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without preventDefault the browser opens the file instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget instanceof Node && map.contains(event.relatedTarget)) return;
      setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setOver(false);
      add([...(event.dataTransfer?.files ?? [])]);
    };
    map.addEventListener('dragover', onDragOver);
    map.addEventListener('dragleave', onDragLeave);
    map.addEventListener('drop', onDrop);
    return () => {
      map.removeEventListener('dragover', onDragOver);
      map.removeEventListener('dragleave', onDragLeave);
      map.removeEventListener('drop', onDrop);
    };
  }, [add]);

  return (
    <div ref={anchor} className="file-drop">
      {over && <div className="file-drop__hint">{t('droppedFiles.dropHint')}</div>}
      {files.failures.length > 0 && (
        <div className="file-drop__alerts">
          {files.failures.map((failure) => (
            <div key={failure.id} role="alert" className="layer-alert" data-file={failure.file}>
              <span>
                {t('droppedFiles.failed', {
                  file: failure.file,
                  reason: t(`droppedFiles.reasons.${failure.reason}`, { feature: failure.feature ?? 0 }),
                })}
              </span>
              <button type="button" onClick={() => files.dismiss(failure.id)}>
                {t('droppedFiles.dismiss')}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The dropped files in the layer panel: each by its file name, switched on and off, removed; and a picker. */
export function DroppedFilesList({ files }: { files: DroppedFiles }) {
  const { t, i18n } = useTranslation('map');
  return (
    <div className="dropped-files">
      {files.layers.length > 0 && (
        <ul className="map-layer-panel__layers" aria-label={t('droppedFiles.title')}>
          {files.layers.map((layer) => (
            <li key={layer.id} className="dropped-files__item">
              <label title={layer.name}>
                <input
                  type="checkbox"
                  checked={layer.visible}
                  onChange={(event) => files.setVisible(layer.id, event.target.checked)}
                />
                <span className="dropped-files__swatch" aria-hidden="true" />
                <span className="dropped-files__name">{layer.name}</span>
              </label>
              <span className="map-layer-panel__state">
                {t('droppedFiles.features', {
                  count: layer.featureCount,
                  formatted: formatCount(layer.featureCount, i18n.language),
                })}
              </span>
              <button
                type="button"
                className="dropped-files__remove"
                aria-label={t('droppedFiles.remove', { file: layer.name })}
                onClick={() => files.remove(layer.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="dropped-files__pick">
        {t('droppedFiles.pick')}
        <input
          type="file"
          multiple
          accept={acceptedFiles}
          onChange={(event) => {
            files.add([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
