/**
 * How long to wait before reconnect attempt `attempt` (0 = the first after a drop): 1 s, 2 s, 4 s … capped at
 * 30 s, each spread by ±20 % so a room of wall displays that lost the server together doesn't return in step.
 */
export interface BackoffRule {
  firstMs: number;
  maximumMs: number;
  jitter: number;
}

export const defaultBackoff: BackoffRule = { firstMs: 1_000, maximumMs: 30_000, jitter: 0.2 };

export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  rule = defaultBackoff,
): number {
  const base = Math.min(rule.maximumMs, rule.firstMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + rule.jitter * (2 * random() - 1)));
}
