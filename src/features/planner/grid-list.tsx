import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gridTypes, type GridType } from '../../domain/grid';
import type { GridId } from '../../domain/ids';
import { planOperations } from '../../geo/plan/operations/operations';
import type { GridFeature, Plan } from '../../geo/plan/plan';
import type { PlanIntents } from './use-plan-intents';

/** The draft's grids as a list: a second way to select (shift/ctrl adds), and the selected grid's properties. */
export function GridList({
  plan,
  intents,
  onFocus,
}: {
  plan: Plan;
  intents: PlanIntents;
  onFocus: () => void;
}) {
  const { t } = useTranslation('planner');
  const selected = intents.selection.gridIds;
  const pick = (id: GridId, add: boolean) => {
    intents.select(
      add ? (selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id]) : [id],
    );
    onFocus();
  };
  const single =
    selected.length === 1 ? plan.grids.find((grid) => grid.properties.id === selected[0]) : undefined;
  return (
    <section className="planner-panel" aria-labelledby="planner-grids-title">
      <h3 id="planner-grids-title">{t('grids.title', { count: plan.grids.length })}</h3>
      <ul className="planner-grid-list" data-testid="grid-list">
        {plan.grids.map((grid) => (
          <li key={grid.properties.id}>
            <button
              type="button"
              aria-pressed={selected.includes(grid.properties.id)}
              onClick={(event) => pick(grid.properties.id, event.shiftKey || event.ctrlKey || event.metaKey)}
            >
              {grid.properties.name}
            </button>
          </li>
        ))}
      </ul>
      {single && (
        <GridProperties
          key={single.properties.id + single.properties.name}
          grid={single}
          intents={intents}
          plan={plan}
        />
      )}
    </section>
  );
}

function GridProperties({ grid, intents, plan }: { grid: GridFeature; intents: PlanIntents; plan: Plan }) {
  const { t } = useTranslation('planner');
  const [name, setName] = useState(grid.properties.name);
  const [workerName, setWorkerName] = useState(grid.properties.workerName);
  const [type, setType] = useState<GridType>(grid.properties.type);
  const changes = { name, workerName, type };
  const reason = planOperations.updateGridProperties.disabled(plan, intents.selection, { changes });
  return (
    <form
      className="planner-properties"
      onSubmit={(event) => {
        event.preventDefault();
        intents.run(planOperations.updateGridProperties, { changes });
      }}
    >
      <label>
        {t('grids.name')} <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('grids.worker')}{' '}
        <input value={workerName} onChange={(event) => setWorkerName(event.target.value)} />
      </label>
      <label>
        {t('grids.type')}{' '}
        <select
          value={type}
          onChange={(event) => setType(gridTypes.find((value) => value === event.target.value) ?? type)}
        >
          {gridTypes.map((value) => (
            <option key={value} value={value}>
              {t(`gridType.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={reason !== false} title={reason ? t(`disabled.${reason}`) : undefined}>
        {t('action.update_grid_properties')}
      </button>
    </form>
  );
}
