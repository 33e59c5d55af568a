import type { FeatureCollection } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfName, parseFeatureFile } from '../../data/adapters/files/file-format';
import type { Changeset, Plan } from '../../geo/plan/plan';
import { importAsPlan, importedAreas, planAsGeoJson } from './import-export';

interface ImportExportProps {
  plan: Plan;
  fileName: string;
  onReference: (reference: FeatureCollection | null) => void;
  onStartingPlan: (changeset: Changeset) => void;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Export the draft as GeoJSON; import GeoJSON, KML or a zipped Shapefile as a reference layer or as the plan. */
export function ImportExportPanel({ plan, fileName, onReference, onStartingPlan }: ImportExportProps) {
  const { t } = useTranslation('planner');
  const [as, setAs] = useState<'reference' | 'plan'>('reference');
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);

  async function load(file: File) {
    const format = formatOfName(file.name);
    if (!format || format === 'csv') {
      setMessage({ text: t('import.unsupported', { name: file.name }), alert: true });
      return;
    }
    try {
      const areas = importedAreas(await parseFeatureFile(format, await file.arrayBuffer()));
      if (areas.length === 0) throw new Error(t('import.noAreas'));
      if (as === 'reference') onReference({ type: 'FeatureCollection', features: areas });
      else onStartingPlan(importAsPlan(plan, areas));
      setMessage({ text: t('import.done', { count: areas.length, name: file.name }), alert: false });
    } catch (error) {
      setMessage({
        text: t('import.failed', {
          name: file.name,
          reason: error instanceof Error ? error.message : String(error),
        }),
        alert: true,
      });
    }
  }

  return (
    <section className="planner-panel" aria-labelledby="planner-files-title">
      <h3 id="planner-files-title">{t('import.title')}</h3>
      <button type="button" onClick={() => download(fileName, JSON.stringify(planAsGeoJson(plan)))}>
        {t('import.export')}
      </button>
      <fieldset className="planner-import">
        <label>
          <input type="radio" checked={as === 'reference'} onChange={() => setAs('reference')} />{' '}
          {t('import.asReference')}
        </label>
        <label>
          <input type="radio" checked={as === 'plan'} onChange={() => setAs('plan')} /> {t('import.asPlan')}
        </label>
        <input
          type="file"
          aria-label={t('import.file')}
          accept=".geojson,.json,.kml,.zip"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void load(file);
            event.target.value = '';
          }}
        />
        <button type="button" onClick={() => onReference(null)}>
          {t('import.clearReference')}
        </button>
      </fieldset>
      {message && <p role={message.alert ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
