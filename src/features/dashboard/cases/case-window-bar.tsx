import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../domain/indicators';
import { dayMs, formatChinaDay } from '../../../domain/china-time';
import { useViewState, type WindowPreset } from '../../../ui/view-state';
import { WindowPicker } from '../../../ui/window-picker';
import { playbackDays, playbackSpeeds, type PlaybackSpeed } from './playback';
import type { Playback } from './use-playback';

const presets: Exclude<WindowPreset, 'custom'>[] = ['today', '7d', '30d'];

/** The window (kept in the URL, shared with the review) and the day-by-day playback through it. */
export function CaseWindowBar({ period, playback }: { period: Period; playback: Playback }) {
  const { t } = useTranslation('cases');
  const [view, setView] = useViewState();
  const [from, setFrom] = useState(formatChinaDay(period.from));
  const [to, setTo] = useState(formatChinaDay(period.to - dayMs));
  const days = playbackDays(period);
  return (
    <div className="case-window">
      <WindowPicker presets={presets} />
      <form
        className="case-window__custom"
        onSubmit={(event) => {
          event.preventDefault();
          if (from <= to) setView({ window: { preset: 'custom', from, to } });
        }}
      >
        <label>
          {t('window.from')}{' '}
          <input type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          {t('window.to')}{' '}
          <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit" aria-pressed={view.window.preset === 'custom'}>
          {t('window.apply')}
        </button>
      </form>
      <div className="case-playback" role="group" aria-label={t('playback.label')}>
        <button type="button" onClick={playback.playing ? playback.pause : playback.play}>
          {playback.playing ? t('playback.pause') : t('playback.play')}
        </button>
        <button type="button" onClick={playback.stop} disabled={playback.day === null}>
          {t('playback.stop')}
        </button>
        <input
          type="range"
          aria-label={t('playback.day')}
          min={0}
          max={days - 1}
          value={playback.day ?? days - 1}
          onChange={(event) => playback.scrub(Number(event.target.value))}
        />
        <label>
          {t('playback.speed')}{' '}
          <select
            value={playback.speed}
            onChange={(event) => playback.setSpeed(Number(event.target.value) as PlaybackSpeed)}
          >
            {playbackSpeeds.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <output className="case-playback__frame" data-testid="playback-frame">
          {playback.day === null
            ? t('playback.whole')
            : t('playback.showing', { day: formatChinaDay(playback.frame.from) })}
        </output>
      </div>
    </div>
  );
}
