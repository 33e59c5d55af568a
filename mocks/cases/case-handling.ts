import {
  settlementLevels,
  supervisionStateAt,
  type CaseCategory,
  type CaseStage,
  type Escalation,
  type EscalationReason,
  type SettlementLevel,
  type Supervision,
  type SupervisingLevel,
} from '../../src/domain/case';
import type { DepartmentId } from '../../src/domain/department';
import { dayMs, formatChinaTime } from '../../src/domain/china-time';
import { demoDepartments } from './departments';
import { createRandom, hashSeed, type Random } from '../city/random';

/**
 * Who handles a case and where it is settled, decided up front like the rest of its plan. Drawn from a random of
 * its own seeded by the case id, so adding this changed none of the other draws (the demo's cases, times and
 * outcomes are the same as before it).
 *
 * The seeds give the aim, not a measured split: "小事不出村、大事不出镇、矛盾不上交" (沁水县), "小事不出联户网格、大事
 * 不出乡(镇、街道)" (水城区). So most cases are settled at the grid or the community, nearly all within the street,
 * a few go up to the district and fewer to the city; patrol tasks stay in the grid, stability matters go higher.
 */
export interface CaseHandling {
  level: SettlementLevel;
  /** Null: the grid and community settle it with their own hands. */
  department: DepartmentId | null;
  assignee: string;
  /** One reason per step up from the grid to `level`. */
  reasons: EscalationReason[];
  supervisor: SupervisingLevel;
  /** After the deadline passes, how long before a higher level takes the late case up. */
  supervisionLagMs: number;
  /** The time the supervision allows. */
  supervisionAllowMs: number;
}

/** Shares of grid, community, street, district, city by category. */
const levelShares: Record<CaseCategory, readonly number[]> = {
  patrol_task: [0.92, 0.08, 0, 0, 0],
  property: [0.46, 0.38, 0.12, 0.03, 0.01],
  dispute: [0.46, 0.32, 0.16, 0.05, 0.01],
  livelihood: [0.4, 0.3, 0.2, 0.08, 0.02],
  environment: [0.34, 0.28, 0.26, 0.1, 0.02],
  safety_hazard: [0.28, 0.24, 0.3, 0.14, 0.04],
  stability: [0.12, 0.26, 0.36, 0.2, 0.06],
};

/** Categories a department always takes ("网格吹哨、部门报到"): hazards, environment and stability matters. */
const alwaysToDepartment: ReadonlySet<CaseCategory> = new Set(['safety_hazard', 'environment', 'stability']);

const hourMs = 3_600_000;
/** Minutes between one step up and the next. */
const escalationStepMs = 20 * 60_000;

function supervisorOf(level: SettlementLevel): SupervisingLevel {
  if (level === 'grid' || level === 'community') return 'street';
  return level === 'street' ? 'district' : 'city';
}

/**
 * A department for the case, weighted by how punctual each is given whether the case will be late: over many cases
 * each department's on-time share comes out near its `onTime`.
 */
function pickDepartment(random: Random, category: CaseCategory, late: boolean): DepartmentId | null {
  const candidates = demoDepartments.filter((department) => department.categories.includes(category));
  if (candidates.length === 0) return null;
  return random.weighted(
    candidates.map((department) => department.id),
    candidates.map((department) => (late ? 1 - department.onTime : department.onTime)),
  );
}

export function planHandling(
  caseId: string,
  category: CaseCategory,
  gridId: string,
  late: boolean,
  allowedMs: number,
): CaseHandling {
  const random = createRandom(hashSeed(caseId, 'handling'));
  const level = random.weighted(settlementLevels, levelShares[category]);
  const steps = settlementLevels.indexOf(level);
  const toDepartment = alwaysToDepartment.has(category) || (steps >= 2 && random.chance(0.7));
  const department = toDepartment ? pickDepartment(random, category, late) : null;
  const reasons = Array.from({ length: steps }, (_, step): EscalationReason => {
    if (department !== null && step === steps - 1) return 'needs_department';
    return random.chance(0.12) ? 'repeat_complaint' : 'beyond_authority';
  });
  return {
    level,
    department,
    // A department's staff member, or the grid's own worker by his roster id (mocks/workers/roster.ts).
    assignee: department ? `D-${department}-${String(random.int(1, 24)).padStart(2, '0')}` : `W${gridId}`,
    reasons,
    supervisor: supervisorOf(level),
    supervisionLagMs: random.int(2, 8) * hourMs,
    supervisionAllowMs: Math.max(dayMs, Math.round((allowedMs * random.between(0.3, 0.6)) / hourMs) * hourMs),
  };
}

/** The handling fields of a case as they stand at `nowMs`, from the times its steps were really entered. */
export interface HandlingFields {
  department: DepartmentId | null;
  assignee: string | null;
  resolvedAtLevel: SettlementLevel | null;
  escalations: Escalation[];
  supervision: Supervision | null;
}

export function handlingAt(
  handling: CaseHandling,
  dueMs: number,
  stageMs: Partial<Record<CaseStage, number>>,
  nowMs: number,
): HandlingFields {
  const assignedMs = stageMs.assigned;
  const closedMs = stageMs.closed ?? Number.NaN;
  const closed = !Number.isNaN(closedMs);
  if (assignedMs === undefined)
    return { department: null, assignee: null, resolvedAtLevel: null, escalations: [], supervision: null };
  const escalations: Escalation[] = [];
  handling.reasons.forEach((reason, step) => {
    const planned = assignedMs + (step + 1) * escalationStepMs;
    // A case closed sooner than its steps were spaced still went up every step, just faster.
    const atMs = closed ? Math.min(planned, closedMs - (handling.reasons.length - step) * 1000) : planned;
    if (atMs > nowMs) return;
    escalations.push({
      at: formatChinaTime(Math.max(assignedMs, atMs)),
      fromLevel: settlementLevels[step] ?? 'grid',
      toLevel: settlementLevels[step + 1] ?? 'city',
      reason: atMs > dueMs ? 'overdue' : reason,
    });
  });
  const supervisedMs = dueMs + handling.supervisionLagMs;
  // 督办 only for a case still open when the late case is taken up.
  const supervised = supervisedMs <= nowMs && (!closed || closedMs > supervisedMs);
  const deadlineMs = supervisedMs + handling.supervisionAllowMs;
  return {
    department: handling.department,
    assignee: handling.assignee,
    resolvedAtLevel: closed ? handling.level : null,
    escalations,
    supervision: supervised
      ? {
          by: handling.supervisor,
          at: formatChinaTime(supervisedMs),
          deadline: formatChinaTime(deadlineMs),
          state: supervisionStateAt(deadlineMs, closedMs, nowMs),
        }
      : null,
  };
}
