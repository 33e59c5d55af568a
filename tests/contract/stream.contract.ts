import { describe, expect, it } from 'vitest';
import { caseEventSchema, casesSchema } from '../../src/contract/schemas/contract.schema';
import { getJson, readEvents, type ContractClient } from './contract-client';

/** Long enough for a real server's few-second cadence; the mock in tests streams much faster. */
const streamTimeoutMs = 20_000;

export function streamContract(makeClient: () => ContractClient): void {
  describe('GET /cases/stream', () => {
    it('sends `case` events with an id, each a whole case feature that GET /cases then returns', async () => {
      const client = makeClient();
      const [event] = await readEvents(client, { count: 1, timeoutMs: streamTimeoutMs });
      expect(event, 'no event within the timeout').toBeDefined();
      expect(event?.event).toBe('case');
      expect(event?.id).toBeTruthy();
      const feature = caseEventSchema.parse(JSON.parse(event?.data ?? 'null'));
      const reportedMs = Date.parse(feature.properties.reportedAt);
      const from = encodeURIComponent(new Date(reportedMs).toISOString());
      const to = encodeURIComponent(new Date(reportedMs + 1000).toISOString());
      const cases = casesSchema.parse((await getJson(client, `/cases?from=${from}&to=${to}`)).body).features;
      expect(cases.map((item) => item.properties.id)).toContain(feature.properties.id);
    });

    it('replays what was missed after Last-Event-ID: nothing lost, nothing twice', async () => {
      const client = makeClient();
      const before = await readEvents(client, { count: 2, timeoutMs: streamTimeoutMs });
      expect(before).toHaveLength(2);
      const [first, second] = before;
      const after = await readEvents(client, {
        count: 2,
        timeoutMs: streamTimeoutMs,
        lastEventId: first?.id ?? '',
      });
      expect(after[0]?.id).toBe(second?.id);
      expect(after[0]?.data).toBe(second?.data);
      expect(after.map((event) => event.id)).not.toContain(first?.id);
    });
  });
}
