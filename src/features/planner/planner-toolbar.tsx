import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canRedo, canUndo, redoLabel, undoLabel, type PlanHistory } from '../../geo/plan/history';
import { adjacentGridIds } from '../../geo/plan/neighbours';
import type { DisabledReason } from '../../geo/plan/operations/operation';
import { planOperations } from '../../geo/plan/operations/operations';
import type { ChangesetLabel } from '../../geo/plan/plan';
import type { PlannerTool } from '../../map/planner/planner-map';
import type { PlanIntents } from './use-plan-intents';

interface ToolbarProps {
  history: PlanHistory;
  intents: PlanIntents;
  onUndo: () => void;
  onRedo: () => void;
}

/** Roughly 10 m at the city's latitude, in degrees: one nudge of a shared edge. */
const nudge = 0.0001;

function ToolButton({
  label,
  reason,
  pressed,
  onClick,
}: {
  label: string;
  reason: DisabledReason | false;
  pressed?: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation('planner');
  const why = reason ? t(`disabled.${reason}`) : undefined;
  return (
    <button type="button" disabled={reason !== false} aria-pressed={pressed} title={why} onClick={onClick}>
      {label}
      {why && <span className="planner-toolbar__why">{why}</span>}
    </button>
  );
}

/** The operations, each saying whether it can run on the selection now and, if not, why. */
export function PlannerToolbar({ history, intents, onUndo, onRedo }: ToolbarProps) {
  const { t } = useTranslation('planner');
  const { plan } = history;
  const { selection, tool } = intents;
  const [neighbour, setNeighbour] = useState('');
  const describe = (label: ChangesetLabel | undefined) => (label ? t(`action.${label.action}`) : '');
  const toolButton = (id: PlannerTool, label: string, reason: DisabledReason | false) => (
    <ToolButton
      label={label}
      reason={reason}
      pressed={tool === id}
      onClick={() => intents.setTool(tool === id ? 'select' : id)}
    />
  );
  const neighbours =
    selection.gridIds.length === 1 && selection.gridIds[0] ? adjacentGridIds(plan, selection.gridIds[0]) : [];
  const intoNeighbour = neighbours.find((id) => id === neighbour) ?? neighbours[0];
  const edgeReason = planOperations.moveSharedEdge.disabled(plan, selection);
  return (
    <div className="planner-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button
        type="button"
        onClick={onUndo}
        disabled={!canUndo(history)}
        title={describe(undoLabel(history))}
      >
        {t('toolbar.undo')} {describe(undoLabel(history))}
      </button>
      <button
        type="button"
        onClick={onRedo}
        disabled={!canRedo(history)}
        title={describe(redoLabel(history))}
      >
        {t('toolbar.redo')} {describe(redoLabel(history))}
      </button>
      <span className="planner-toolbar__gap" />
      {toolButton('select', t('action.move_vertex'), false)}
      {toolButton('split', t('action.split_grid'), planOperations.splitGrid.disabled(plan, selection))}
      {toolButton('carve', t('action.carve_grid'), planOperations.carveGrid.disabled(plan, selection))}
      <ToolButton
        label={t('action.merge_grids')}
        reason={planOperations.mergeGrids.disabled(plan, selection)}
        onClick={() => intents.run(planOperations.mergeGrids, undefined)}
      />
      <span className="planner-toolbar__group">
        <ToolButton
          label={t('action.delete_grid')}
          reason={planOperations.deleteGrid.disabled(plan, selection)}
          onClick={() =>
            intoNeighbour && intents.run(planOperations.deleteGrid, { intoNeighbourId: intoNeighbour })
          }
        />
        {neighbours.length > 0 && (
          <select
            aria-label={t('toolbar.into')}
            value={intoNeighbour}
            onChange={(event) => setNeighbour(event.target.value)}
          >
            {neighbours.map((id) => (
              <option key={id} value={id}>
                {plan.grids.find((grid) => grid.properties.id === id)?.properties.name ?? id}
              </option>
            ))}
          </select>
        )}
      </span>
      <span className="planner-toolbar__group" aria-label={t('action.move_shared_edge')} role="group">
        <span>{t('action.move_shared_edge')}</span>
        {(
          [
            ['←', -nudge, 0],
            ['→', nudge, 0],
            ['↑', 0, nudge],
            ['↓', 0, -nudge],
          ] as const
        ).map(([arrow, dx, dy]) => (
          <ToolButton
            key={arrow}
            label={arrow}
            reason={edgeReason}
            onClick={() => intents.run(planOperations.moveSharedEdge, { offset: [dx, dy] })}
          />
        ))}
      </span>
      {intents.refused && (
        <p className="planner-toolbar__refused" role="status">
          {t('refused', { reason: t(`disabled.${intents.refused}`) })}
        </p>
      )}
    </div>
  );
}
