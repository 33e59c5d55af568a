import type { CaseEvent } from '../case-events';
import type { PoolClient } from '../db';

/**
 * The events the user may see, asked of the database under his scope (case_events' policy: whoever sees the
 * case), so the stream obeys the same rules as /cases.
 */
export async function visibleEvents(
  inScope: <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>,
  events: readonly CaseEvent[],
): Promise<CaseEvent[]> {
  if (events.length === 0) return [];
  const seen = await inScope(async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM case_events WHERE id = ANY ($1)', [
      events.map((event) => event.id),
    ]);
    return new Set(rows.map((row) => Number(row.id)));
  });
  return events.filter((event) => seen.has(event.id));
}
