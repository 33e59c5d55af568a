import { useMemo } from 'react';
import type { Period } from '../../../domain/indicators';
import { previousPeriod, resolveWindow } from '../../../domain/time-window';
import { formatChinaTime } from '../../../domain/china-time';
import type { Interval } from '../../../contract/schemas/contract.schema';
import { useToday } from '../../../ui/use-today';
import { useViewSettings } from '../../../ui/view-state';

export interface ReviewPeriod {
  period: Period;
  previous: Period;
  interval: Interval;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** The window of the URL as periods and query parameters; stable for the whole day (see resolveWindow). */
export function useReviewPeriod(): ReviewPeriod {
  const [view] = useViewSettings();
  const today = useToday();
  return useMemo(() => {
    const period = resolveWindow(view.window, today);
    const previous = previousPeriod(period);
    const days = (period.to - period.from) / 86_400_000;
    const interval: Interval = days > 120 ? 'week' : 'day';
    return {
      period,
      previous,
      interval,
      from: formatChinaTime(period.from),
      to: formatChinaTime(period.to),
      previousFrom: formatChinaTime(previous.from),
      previousTo: formatChinaTime(previous.to),
    };
  }, [view.window, today]);
}
