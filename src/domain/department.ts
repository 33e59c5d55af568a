import type { CaseCategory } from './case';

/**
 * The functional departments (职能部门) a case can be handed to when the grid calls for them ("网格吹哨、部门报到").
 * Codes are the contract's: a city's own names come with `/departments`, but the set is the standard line-up of a
 * prefecture-level government, so the case columns can hold a department as a one-byte code like a category.
 */
export const departmentIds = [
  'urban_management',
  'housing',
  'public_security',
  'emergency',
  'ecology',
  'market_regulation',
  'human_resources',
  'civil_affairs',
  'petitions',
  'water',
] as const;
export type DepartmentId = (typeof departmentIds)[number];

export interface Department {
  id: DepartmentId;
  name: string;
  /** The categories of case this department takes, the first of them by default. */
  categories: readonly CaseCategory[];
}
