import { useTranslation } from 'react-i18next';
import type { CaseColumns } from '../../../live/case-columns';
import type { LateCase } from '../../../live/case-lists';
import type { CaseArrival } from '../../../live/live-cases';
import { formatCount } from '../../../ui/format';
import { useFormatTime } from '../../../ui/time-format';
import { caseTitle, durationParts } from './case-text';

interface ListProps {
  columns: CaseColumns;
  /** Titles fetched by id for cases that came as columns (use-case-titles.ts). */
  titles: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
}

function CaseButton({ columns, titles, row, onSelect, extra }: ListProps & { row: number; extra?: string }) {
  const { t } = useTranslation('cases');
  const formatTime = useFormatTime();
  const summary = columns.caseAt(row);
  if (!summary) return null;
  return (
    <button
      type="button"
      className="case-list__item"
      onClick={() => onSelect(summary.id)}
      data-case-id={summary.id}
    >
      <span className="case-list__title">
        {caseTitle(
          summary.title ?? titles.get(summary.id) ?? null,
          summary.category ? t(`category.${summary.category}`) : '—',
        )}
      </span>
      <span className="case-list__meta">
        {formatTime(summary.reportedAt, 'dayTime')} · {t(`stage.${summary.status}`)}
        {extra ? ` · ${extra}` : ''}
      </span>
    </button>
  );
}

/** The latest reports under the filters; cases that arrived while watching are marked new. */
export function LatestCases({
  columns,
  titles,
  rows,
  arrivals,
  onSelect,
}: ListProps & { rows: number[]; arrivals: readonly CaseArrival[] }) {
  const { t } = useTranslation('cases');
  const fresh = new Set(arrivals.map((arrival) => arrival.id));
  return (
    <section className="case-list" aria-label={t('latest.title')} data-testid="latest-cases">
      <h3>{t('latest.title')}</h3>
      {rows.length === 0 ? (
        <p className="case-list__empty">{t('latest.empty')}</p>
      ) : (
        <ol>
          {rows.map((row) => {
            const id = columns.idAt(row) ?? String(row);
            return (
              <li key={id} className={fresh.has(id) ? 'case-list__new' : undefined}>
                {fresh.has(id) && <span className="case-list__badge">{t('latest.new')}</span>}
                <CaseButton columns={columns} titles={titles} row={row} onSelect={onSelect} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Open cases past their deadline, most late first, with the total. */
export function OverdueCases({
  columns,
  titles,
  overdue,
  onSelect,
}: ListProps & { overdue: { cases: LateCase[]; total: number } }) {
  const { t, i18n } = useTranslation('cases');
  return (
    <section className="case-list" aria-label={t('overdue.title')} data-testid="overdue-cases">
      <h3>{t('overdue.title')}</h3>
      {overdue.total === 0 ? (
        <p className="case-list__empty">{t('overdue.empty')}</p>
      ) : (
        <>
          <p className="case-list__total">
            {t('overdue.total', {
              count: overdue.total,
              formatted: formatCount(overdue.total, i18n.language),
            })}
          </p>
          <ol>
            {overdue.cases.map((item) => {
              const late = durationParts(item.lateMs);
              const id = columns.idAt(item.row) ?? String(item.row);
              return (
                <li key={id}>
                  <CaseButton
                    columns={columns}
                    titles={titles}
                    row={item.row}
                    onSelect={onSelect}
                    extra={t('overdue.late', { value: t(`duration.${late.unit}`, { count: late.count }) })}
                  />
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** The latest of the city's cases outside every grid (the bucket's list, under its note): each still opens. */
export function OutsideGridCases({ columns, titles, rows, onSelect }: ListProps & { rows: number[] }) {
  return (
    <ol className="case-list" data-testid="outside-grids-cases">
      {rows.map((row) => (
        <li key={columns.idAt(row) ?? String(row)}>
          <CaseButton columns={columns} titles={titles} row={row} onSelect={onSelect} />
        </li>
      ))}
    </ol>
  );
}
