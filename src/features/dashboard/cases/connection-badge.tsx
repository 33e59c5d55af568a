import { useTranslation } from 'react-i18next';
import type { CaseConnection } from './use-live-cases';
import { useFormatTime } from '../../../ui/time-format';

/** After this long without the stream the data is called stale, with the time it was last current. */
const staleAfterMs = 15_000;

function describe(connection: CaseConnection, now: number): { state: string; key: string; time?: number } {
  switch (connection.kind) {
    case 'live':
      return { state: 'live', key: 'live' };
    case 'connecting':
      return { state: 'connecting', key: 'connecting' };
    case 'off':
      return { state: 'off', key: 'off' };
    case 'reconnecting':
      if (now - connection.lostAt > staleAfterMs)
        return { state: 'stale', key: 'stale', time: connection.lostAt };
      return { state: 'reconnecting', key: connection.offline ? 'offline' : 'reconnecting' };
    case 'polling':
      return connection.failing
        ? {
            state: 'stale',
            key: 'pollingFailed',
            ...(connection.lastAt !== null && { time: connection.lastAt }),
          }
        : { state: 'live', key: 'polling', ...(connection.lastAt !== null && { time: connection.lastAt }) };
  }
}

/** The stream's state, always on screen: live / reconnecting / stale since hh:mm. */
export function ConnectionBadge({ connection, now }: { connection: CaseConnection; now: number }) {
  const { t } = useTranslation('cases');
  const formatTime = useFormatTime();
  const { state, key, time } = describe(connection, now);
  const seconds = connection.kind === 'polling' ? connection.everySeconds : 0;
  return (
    <p className={`case-connection case-connection--${state}`} role="status" data-connection={state}>
      <span className="case-connection__dot" aria-hidden="true" />
      <span className="case-connection__label">{t('connection.label')}: </span>
      {t(`connection.${key}`, { time: time === undefined ? '—' : formatTime(time, 'clock'), seconds })}
    </p>
  );
}
