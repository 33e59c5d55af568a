import { useTranslation } from 'react-i18next';
import type { Plan } from '../../geo/plan/plan';
import type { SaveState } from './use-save-plan';

const serverReasonCodes = [
  'schema',
  'empty_plan',
  'wrong_community',
  'duplicate_id',
  'outside_community',
  'overlaps',
] as const;

interface SavePanelProps {
  state: SaveState;
  /** A grid's name in the draft, for the server's reasons (which name grids by id). */
  nameOf: (gridId: string) => string;
  blocked: boolean;
  dirty: boolean;
  onSave: () => void;
  onRebase: (serverPlan: Plan) => void;
  onKeepCopy: (serverPlan: Plan) => void;
}

/** Save, and what the server answered: a conflict offers rebase or keep-a-copy; a refusal lists its reasons. */
export function SavePanel({ state, nameOf, blocked, dirty, onSave, onRebase, onKeepCopy }: SavePanelProps) {
  const { t } = useTranslation('planner');
  /** The server's reasons are "<code>" or "<code>: <detail>" (docs/api.md); known codes are said in the UI's words. */
  const serverReason = (reason: string) => {
    const [code = '', ...detail] = reason.split(': ');
    const known = (serverReasonCodes as readonly string[]).includes(code);
    if (!known) return reason;
    const said = t(`save.serverReason.${code}`);
    return detail.length > 0 ? `${said}（${detail.join(': ')}）` : said;
  };
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
      {state.kind === 'failed' && (
        <p role="alert" title={state.message}>
          {t('save.failed', {
            reason:
              state.reason === 'unknown'
                ? state.message
                : t(`save.why.${state.reason}`, { status: state.status }),
          })}
        </p>
      )}
      {state.kind === 'invalid' && (
        <div role="alert" data-testid="save-invalid">
          <p>{t('save.invalid')}</p>
          <ul>
            {state.reasons.map((reason, index) => (
              <li key={index}>
                {reason.gridId === null ? t('save.wholePlan') : nameOf(reason.gridId)}:{' '}
                {serverReason(reason.reason)}
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
