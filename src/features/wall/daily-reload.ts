/**
 * Milliseconds from `now` to the next wall-clock "HH:MM" on the display's own clock (today if still ahead, else
 * tomorrow). A daily reload is the operator's last line of defence against slow leaks in the browser itself.
 */
export function msUntilNext(at: string, now: Date): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) return null;
  const next = new Date(now);
  next.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}
