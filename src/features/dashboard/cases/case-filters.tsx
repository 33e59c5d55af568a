import { useTranslation } from 'react-i18next';
import { caseCategories, caseChannels, caseStages } from '../../../domain/case';
import { caseWeights, type CaseWeight } from '../../../live/case-selection';
import { caseAggregations, type CaseAggregation } from '../../../map/cases/case-layers';
import { useDepartmentName } from '../department-names';
import { initialCaseFilters, toggled, type CaseFilterState } from './case-filter-state';

interface CheckGroupProps<T extends string> {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: ReadonlySet<T>;
  label: (value: T) => string;
  onChange: (next: Set<T>) => void;
}

function CheckGroup<T extends string>({ legend, name, values, chosen, label, onChange }: CheckGroupProps<T>) {
  return (
    <fieldset className="case-filters__group" data-filter={name}>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            value={value}
            checked={chosen.has(value)}
            onChange={(event) => onChange(toggled(chosen, value, event.target.checked))}
          />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** Channel, category, step, overdue-only; what the heat weighs and how it is drawn. No box ticked = all. */
export function CaseFilters({
  filters,
  onChange,
}: {
  filters: CaseFilterState;
  onChange: (next: CaseFilterState) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const departmentName = useDepartmentName();
  const departments = new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(
    [...filters.departments].map(departmentName),
  );
  return (
    <section className="case-filters" aria-label={t('filters.label')}>
      {filters.departments.size > 0 && (
        <p className="case-filters__chip" data-testid="department-chip">
          {t('filters.departments', { names: departments })}
          <button
            type="button"
            aria-label={t('filters.clearDepartments', { names: departments })}
            onClick={() => onChange({ ...filters, departments: new Set() })}
          >
            ×
          </button>
        </p>
      )}
      <div className="case-filters__row">
        <label>
          {t('filters.weight')}{' '}
          <select
            value={filters.weight}
            onChange={(event) => onChange({ ...filters, weight: event.target.value as CaseWeight })}
          >
            {caseWeights.map((weight) => (
              <option key={weight} value={weight}>
                {t(`weight.${weight}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.aggregation')}{' '}
          <select
            value={filters.aggregation}
            onChange={(event) => onChange({ ...filters, aggregation: event.target.value as CaseAggregation })}
          >
            {caseAggregations.map((aggregation) => (
              <option key={aggregation} value={aggregation}>
                {t(`aggregation.${aggregation}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filters.overdueOnly}
            onChange={(event) => onChange({ ...filters, overdueOnly: event.target.checked })}
          />
          {t('filters.overdueOnly')}
        </label>
        <button
          type="button"
          onClick={() =>
            onChange({ ...initialCaseFilters, weight: filters.weight, aggregation: filters.aggregation })
          }
        >
          {t('filters.clear')}
        </button>
      </div>
      <CheckGroup
        legend={t('filters.category')}
        name="category"
        values={caseCategories}
        chosen={filters.categories}
        label={(value) => t(`category.${value}`)}
        onChange={(categories) => onChange({ ...filters, categories })}
      />
      <CheckGroup
        legend={t('filters.channel')}
        name="channel"
        values={caseChannels}
        chosen={filters.channels}
        label={(value) => t(`channel.${value}`)}
        onChange={(channels) => onChange({ ...filters, channels })}
      />
      <CheckGroup
        legend={t('filters.stage')}
        name="stage"
        values={caseStages}
        chosen={filters.stages}
        label={(value) => t(`stage.${value}`)}
        onChange={(stages) => onChange({ ...filters, stages })}
      />
    </section>
  );
}
