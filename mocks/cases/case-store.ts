import { caseStages } from '../../src/domain/case';
import type { GridId } from '../../src/domain/ids';
import { handlingAt } from './case-handling';
import { caseAt, planCase, type CasePlan, type CaseWire } from './case-plan';
import { chinaDateStamp, formatChinaTime } from '../../src/domain/china-time';
import { caseIdOf, type GeneratedCases } from './generate-cases';
import { createRandom, cumulativeOf, hashSeed, pickWeighted } from '../city/random';

/** One entry of the change log the stream replays from: a sequence number and the case as it was then. */
export interface CaseEvent {
  id: number;
  data: string;
}

export interface CaseRecord {
  wire: CaseWire;
  reportedMs: number;
}

export interface LiveOptions {
  seed: number | string;
  /** When the live simulation starts (the generated history ends here). */
  startMs: number;
  /** A new case arrives every interval; one or two open cases move one step on. */
  intervalMs: number;
  idPrefix: string;
}

const maxEvents = 10_000;
const maxTicksPerCatchUp = 2_000;

/**
 * The one in-memory store behind GET /cases and the stream. Live changes happen on a fixed schedule of ticks
 * (tick k at start + k × interval, drawn from its own seeded PRNG), applied lazily whenever anyone asks: the
 * world moves on while nobody watches, and every connection sees the same events in the same order.
 */
export class CaseStore {
  readonly records: CaseRecord[];
  private readonly byId = new Map<string, CaseRecord>();
  private readonly openPlans = new Map<string, CasePlan>();
  private readonly events: CaseEvent[] = [];
  private readonly gridWeights: Float64Array;
  /** The re-join rules of the saves so far, in order (see regrid). */
  private readonly regridRules: ((record: CaseRecord) => GridId | undefined)[] = [];
  private ticksDone = 0;
  private startMs: number;

  constructor(
    private readonly generated: GeneratedCases,
    private readonly live: LiveOptions,
  ) {
    this.startMs = live.startMs;
    this.records = generated.plans.map((plan) => ({
      wire: caseAt(plan, live.startMs),
      reportedMs: plan.reportedMs,
    }));
    for (const record of this.records) this.byId.set(record.wire.properties.id, record);
    generated.plans.forEach((plan) => {
      if (this.byId.get(plan.id)?.wire.properties.status !== 'closed') this.openPlans.set(plan.id, plan);
    });
    this.gridWeights = cumulativeOf(generated.profiles.map((profile) => profile.weight));
  }

  /** The sequence number of the latest event (0 before any). */
  get lastEventId(): number {
    return this.events.at(-1)?.id ?? 0;
  }

  eventsAfter(id: number): readonly CaseEvent[] {
    const first = this.events.findIndex((event) => event.id > id);
    return first < 0 ? [] : this.events.slice(first);
  }

  /** Apply every tick due by `nowMs`. */
  catchUp(nowMs: number): void {
    const due = Math.floor((nowMs - this.startMs) / this.live.intervalMs);
    if (due - this.ticksDone > maxTicksPerCatchUp) {
      // After a long sleep, skip ahead rather than replaying hours of ticks in one request.
      this.startMs += (due - this.ticksDone - maxTicksPerCatchUp) * this.live.intervalMs;
      this.catchUp(nowMs);
      return;
    }
    while (this.ticksDone < due) {
      this.ticksDone += 1;
      this.tick(this.ticksDone, this.startMs + this.ticksDone * this.live.intervalMs);
    }
  }

  /**
   * Cases moved to another grid (a community's grids were redrawn). Not an event: the case itself did not change.
   * The rule stays: a case reported later is placed by it too, since the generator still draws from the grids the
   * city started with.
   */
  regrid(assign: (record: CaseRecord) => GridId | undefined): void {
    this.regridRules.push(assign);
    for (const record of this.records) this.place(record, [assign]);
  }

  private place(record: CaseRecord, rules: readonly ((record: CaseRecord) => GridId | undefined)[]): void {
    for (const assign of rules) {
      const gridId = assign(record);
      if (gridId && gridId !== record.wire.properties.gridId) {
        record.wire = { ...record.wire, properties: { ...record.wire.properties, gridId } };
      }
    }
  }

  private tick(tick: number, atMs: number): void {
    const random = createRandom(hashSeed(this.live.seed, 'live', tick));
    // Chosen before the new case is added, so a case is never reported and moved on in the same instant.
    const open = [...this.openPlans.keys()];
    const profile = this.generated.profiles[pickWeighted(this.gridWeights, random.next())];
    const reportedMs = Math.floor(atMs / 1000) * 1000;
    if (profile) {
      const day = chinaDateStamp(reportedMs);
      const sequence = (this.generated.sequenceByDay.get(day) ?? 0) + 1;
      this.generated.sequenceByDay.set(day, sequence);
      const plan = planCase(profile, random, reportedMs, caseIdOf(this.live.idPrefix, reportedMs, sequence));
      const record: CaseRecord = { wire: caseAt(plan, reportedMs), reportedMs };
      this.place(record, this.regridRules);
      this.records.push(record);
      this.byId.set(plan.id, record);
      this.openPlans.set(plan.id, plan);
      this.record(record.wire);
    }
    const moves = Math.min(open.length, 1 + random.index(2));
    for (let move = 0; move < moves; move++) {
      const id = open.splice(random.index(open.length), 1)[0];
      if (id !== undefined) this.advance(id, reportedMs);
    }
  }

  /** Move an open case one step on, now; on closing it takes the outcome its plan decided. */
  private advance(id: string, atMs: number): void {
    const record = this.byId.get(id);
    const plan = this.openPlans.get(id);
    if (!record || !plan) return;
    const properties = record.wire.properties;
    const next = caseStages[caseStages.indexOf(properties.status) + 1];
    if (next === undefined) return;
    const at = formatChinaTime(atMs);
    const closed = next === 'closed';
    const stageTimes = { ...properties.stageTimes, [next]: at };
    const enteredMs = Object.fromEntries(
      Object.entries(stageTimes).map(([stage, time]) => [stage, Date.parse(time)]),
    );
    record.wire = {
      ...record.wire,
      properties: {
        ...properties,
        status: next,
        stageTimes,
        closedAt: closed ? at : null,
        resolved: closed ? plan.resolved : null,
        satisfaction: closed ? plan.satisfaction : null,
        ...handlingAt(plan.handling, plan.dueMs, enteredMs, Date.parse(at)),
      },
    };
    if (closed) this.openPlans.delete(id);
    this.record(record.wire);
  }

  private record(wire: CaseWire): void {
    this.events.push({ id: this.lastEventId + 1, data: JSON.stringify(wire) });
    if (this.events.length > maxEvents) this.events.splice(0, this.events.length - maxEvents);
  }
}
