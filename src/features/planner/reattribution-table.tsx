import { useTranslation } from 'react-i18next';
import type { GridFigures, Reattribution } from '../../geo/plan/reattribution';

const figureKeys = ['households', 'population', 'casesLast12Months', 'cameras', 'stations'] as const;

function Cell({
  before,
  after,
  field,
}: {
  before: GridFigures | null;
  after: GridFigures | null;
  field: (typeof figureKeys)[number];
}) {
  const was = before?.[field];
  const is = after?.[field];
  const changed = was !== is;
  return (
    <td className={changed ? 'planner-figure planner-figure--changed' : 'planner-figure'} data-field={field}>
      {changed && was !== undefined && <del>{was}</del>} {is ?? '—'}
    </td>
  );
}

/** Before/after figures of every grid of the draft, computed live from the draft's geometry. */
export function ReattributionTable({ reattribution }: { reattribution: Reattribution }) {
  const { t } = useTranslation('planner');
  const rows = [...reattribution.rows].sort(
    (a, b) => (a.status === 'unchanged' ? 1 : 0) - (b.status === 'unchanged' ? 1 : 0),
  );
  return (
    <section className="planner-panel" aria-labelledby="planner-preview-title">
      <h3 id="planner-preview-title">{t('preview.title')}</h3>
      <table className="planner-table" data-testid="reattribution">
        <thead>
          <tr>
            <th scope="col">{t('preview.grid')}</th>
            {figureKeys.map((key) => (
              <th key={key} scope="col">
                {t(`preview.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.gridId} data-grid-id={row.gridId} className={`planner-row--${row.status}`}>
              <th scope="row">
                {row.name} <small>{t(`status.${row.status}`)}</small>
              </th>
              {figureKeys.map((key) => (
                <Cell key={key} before={row.before} after={row.after} field={key} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="planner-legend">
        <span className="planner-swatch planner-swatch--gained" /> {t('preview.gained')}{' '}
        <span className="planner-swatch planner-swatch--lost" /> {t('preview.lost')}
      </p>
    </section>
  );
}
