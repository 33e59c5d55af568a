import { useTranslation } from 'react-i18next';
import type { Plan } from '../../geo/plan/plan';
import type { SaveState } from './use-save-plan';

interface SavePanelProps {
  state: SaveState;
  blocked: boolean;
  dirty: boolean;
  onSave: () => void;
  onRebase: (serverPlan: Plan) => void;
  onKeepCopy: (serverPlan: Plan) => void;
}

/** Save, and what the server answered: a conflict offers rebase or keep-a-copy; a refusal lists its reasons. */
export function SavePanel({ state, blocked, dirty, onSave, onRebase, onKeepCopy }: SavePanelProps) {
  const { t } = useTranslation('planner');
  return (
    <section className="planner-panel planner-save" aria-labelledby="planner-save-title">
      <h3 id="planner-save-title">{t('save.title')}</h3>
      <button
        type="button"
        className="planner-save__button"
        onClick={onSave}
        disabled={blocked || state.kind === 'saving'}
      >
        {state.kind === 'saving' ? t('save.saving') : t('save.button')}
      </button>
      {blocked && <p>{t('save.blocked')}</p>}
      {!dirty && state.kind === 'idle' && <p>{t('save.noChanges')}</p>}
      {state.kind === 'saved' && <p role="status">{t('save.saved', { version: state.version })}</p>}
      {state.kind === 'failed' && <p role="alert">{t('save.failed', { reason: state.message })}</p>}
      {state.kind === 'invalid' && (
        <div role="alert" data-testid="save-invalid">
          <p>{t('save.invalid')}</p>
          <ul>
            {state.reasons.map((reason, index) => (
              <li key={index}>
                {reason.gridId ?? '—'}: {reason.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'conflict' && (
        <div role="alert" className="planner-conflict" data-testid="save-conflict">
          <p>{t('conflict.message', { version: state.currentVersion })}</p>
          {state.changes.length === 0 ? (
            <p>{t('conflict.noGridChanges')}</p>
          ) : (
            <ul>
              {state.changes.map((change) => (
                <li key={change.gridId}>
                  {change.name}: {t(`conflict.${change.kind}`)}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => onRebase(state.serverPlan)}>
            {t('conflict.rebase')}
          </button>
          <button type="button" onClick={() => onKeepCopy(state.serverPlan)}>
            {t('conflict.keepCopy')}
          </button>
        </div>
      )}
    </section>
  );
}
