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
}

export const isOpen = (stage: CaseStage): boolean => stage !== 'closed';

/** Overdue: still open past its deadline, or closed after it. */
export function isOverdue(properties: Pick<CaseProperties, 'dueAt' | 'closedAt'>, now: Date): boolean {
  const due = Date.parse(properties.dueAt);
  const end = properties.closedAt ? Date.parse(properties.closedAt) : now.getTime();
  return end > due;
}
