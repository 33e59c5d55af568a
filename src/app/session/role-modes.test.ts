import { describe, expect, it } from 'vitest';
import { modesOf } from './role-modes';
import { demoSession, type Session } from './session';

const as = (role: Session['role']): Session => ({ ...demoSession, demo: false, role });

describe('modes by role', () => {
  it('the wall credential runs the wall only, the planner mode is a planner’s, the demo has all', () => {
    expect(modesOf(as('wall_display'))).toEqual(['wall']);
    expect(modesOf(as('grid_worker'))).toEqual(['dashboard', 'wall']);
    expect(modesOf(as('district_leader'))).toEqual(['dashboard', 'wall']);
    expect(modesOf(as('planner'))).toEqual(['dashboard', 'wall', 'planner']);
    expect(modesOf(demoSession)).toEqual(['dashboard', 'wall', 'planner']);
  });
});
