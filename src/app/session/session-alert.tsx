import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDataError } from '../../data/data-error';
import { onRefusal, type Refusal } from '../../data/session-credential';
import { useSession } from './session-context';

/**
 * A read the server refused, explained: 401 (the session ended) offers to sign in again — the page leaves for the
 * provider and comes back to the same URL; a planner's draft is kept in IndexedDB (src/data/drafts) meanwhile —
 * and 403 names the layer and the server's reason. The layer's own alert stays as well (a refused save: the
 * planner's).
 */
export function SessionAlert() {
  const { t } = useTranslation('common');
  const session = useSession();
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        const error: unknown = event.query.state.error;
        if (event.type !== 'updated' || !isDataError(error)) return;
        if (error.status !== 401 && error.status !== 403) return;
        setRefusal({ status: error.status, layer: error.layer, reason: error.serverMessage ?? error.reason });
      }),
    [client],
  );
  // A refused save (the planner's) is no query: it is reported beside them.
  useEffect(() => onRefusal(setRefusal), []);
  if (!refusal || session.demo) return null;
  return (
    <div role="alert" className="session-alert">
      {refusal.status === 401
        ? t('session.expired', { layer: t(`layers.${refusal.layer}`, refusal.layer) })
        : t('session.forbidden', {
            layer: t(`layers.${refusal.layer}`, refusal.layer),
            reason: refusal.reason,
          })}
      {refusal.status === 401 ? (
        <button type="button" onClick={() => void session.signIn()}>
          {t('session.signIn')}
        </button>
      ) : null}
    </div>
  );
}
