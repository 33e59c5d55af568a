/**
 * The roles of docs/security.md: each user holds one, scoped to one region or grid of the admin tree. One list for
 * the server, which enforces them, and the dashboard, which names them and hides the modes a role lacks.
 */
export const roles = [
  'city_leader',
  'district_leader',
  'street_leader',
  'grid_worker',
  'planner',
  'wall_display',
] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value);
