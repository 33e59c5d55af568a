import type { Mode } from '../../ui/view-url';
import type { Session } from './session';

/**
 * The modes a role works in: the wall credential runs the wall only, the planner mode is for planners (the
 * server refuses anyone else's save, this only spares them a screen they cannot use). The demo has all.
 */
export function modesOf(session: Session): Mode[] {
  if (session.demo) return ['dashboard', 'wall', 'planner'];
  if (session.role === 'wall_display') return ['wall'];
  if (session.role === 'planner') return ['dashboard', 'wall', 'planner'];
  return ['dashboard', 'wall'];
}
