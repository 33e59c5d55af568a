import type { DepartmentId } from './department';
import type { CaseId, GridId } from './ids';

/** The six-step closed loop, in order: report → file → assign → handle → feedback → close & archive. */
export const caseStages = ['reported', 'filed', 'assigned', 'handling', 'feedback', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];

export const caseChannels = ['hotline_12345', 'message_board', 'app', 'patrol', 'walk_in', 'other'] as const;
export type CaseChannel = (typeof caseChannels)[number];

export const caseCategories = [
  'dispute',
  'safety_hazard',
  'livelihood',
  'environment',
  'property',
  'stability',
  'patrol_task',
] as const;
export type CaseCategory = (typeof caseCategories)[number];

export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

/**
 * Where a matter is settled, bottom to top ("小事不出村、大事不出镇": most at the grid or community, nearly all within
 * the street). The region levels of the ladder (hierarchy.ts) with the grid under them.
 */
export const settlementLevels = ['grid', 'community', 'street', 'district', 'city'] as const;
export type SettlementLevel = (typeof settlementLevels)[number];

/** Settled within the street: at the grid, the community or the street itself. */
export const isWithinStreet = (level: SettlementLevel): boolean =>
  settlementLevels.indexOf(level) <= settlementLevels.indexOf('street');

/** Why a case went up a level. */
export const escalationReasons = [
  'beyond_authority',
  'needs_department',
  'overdue',
  'repeat_complaint',
] as const;
export type EscalationReason = (typeof escalationReasons)[number];

export interface Escalation {
  /** ISO 8601 with offset. */
  at: string;
  fromLevel: SettlementLevel;
  toLevel: SettlementLevel;
  reason: EscalationReason;
}

/**
 * 督办: a late case taken up by a higher level's command centre with a deadline of its own. `active` while the case
 * is open and the deadline not passed; `met` closed by it; `missed` closed after it or still open past it.
 */
export const supervisionStates = ['active', 'met', 'missed'] as const;
export type SupervisionState = (typeof supervisionStates)[number];
/** Which level's command centre supervises (督办单位). */
export const supervisingLevels = ['street', 'district', 'city'] as const;
export type SupervisingLevel = (typeof supervisingLevels)[number];

export interface Supervision {
  by: SupervisingLevel;
  at: string;
  deadline: string;
  state: SupervisionState;
}

/** The supervision state at `nowMs` of a supervision with `deadlineMs` on a case closed at `closedMs` (NaN: open). */
export function supervisionStateAt(deadlineMs: number, closedMs: number, nowMs: number): SupervisionState {
  if (!Number.isNaN(closedMs)) return closedMs <= deadlineMs ? 'met' : 'missed';
  return nowMs > deadlineMs ? 'missed' : 'active';
}

export interface CaseProperties {
  id: CaseId;
  title: string;
  channel: CaseChannel;
  category: CaseCategory;
  status: CaseStage;
  /** ISO 8601 with offset. */
  reportedAt: string;
  dueAt: string;
  closedAt: string | null;
  /** Meaningful only once closed; null while open. */
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  gridId: GridId | null;
  /** When each step was entered (ISO 8601), for the step timeline and time-in-step figures. */
  stageTimes?: Partial<Record<CaseStage, string>>;
  /** The functional department that handles it; null when the grid and community settle it with their own hands. */
  department: DepartmentId | null;
  /** Staff id of the grid worker or department officer it is assigned to; null before it is assigned. */
  assignee: string | null;
  /** The level it was settled at; null while open. */
  resolvedAtLevel: SettlementLevel | null;
  /** Each step up the ladder, oldest first. */
  escalations: Escalation[];
  /** 督办, once a higher level has taken the late case up; null otherwise. */
  supervision: Supervision | null;
}

export const isOpen = (stage: CaseStage): boolean => stage !== 'closed';

/** Overdue: still open past its deadline, or closed after it. */
export function isOverdue(properties: Pick<CaseProperties, 'dueAt' | 'closedAt'>, now: Date): boolean {
  const due = Date.parse(properties.dueAt);
  const end = properties.closedAt ? Date.parse(properties.closedAt) : now.getTime();
  return end > due;
}
