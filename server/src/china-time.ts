/** The contract's local time (UTC+8, docs/api.md), for the few times the server formats itself. */
const offsetMs = 8 * 3_600_000;
export const dayMs = 86_400_000;

/** `2026-11-22T09:30:00+08:00`, whole seconds, as the mock and the database (contract_time) write it. */
export function formatContractTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000 + offsetMs).toISOString().slice(0, 19) + '+08:00';
}

export const chinaOffsetMinutes = 8 * 60;
