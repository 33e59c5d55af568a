import type { Role } from '../../../src/contract/roles';

export { isRole, type Role } from '../../../src/contract/roles';

/** Who asks: what the policies of migration 0005 read as `gridboard.*` settings. */
export interface Access {
  /** The identity provider's subject (or the gateway's user), written into the audit tables. */
  user: string;
  /** A display name for the header; never used for decisions. */
  name: string;
  role: Role;
  /** A region or grid id: the user sees what lies at or under it. */
  scope: string;
  /** When the credential ends (the token's `exp`, ms since the epoch): an open stream ends with it. */
  expiresAt?: number;
}

/**
 * Names and phones of residents and workers: the leaders and workers act on them, the planner assigns grids to
 * workers by name; the unattended wall in a public hall never receives them.
 */
export const readsPersonalData = (role: Role): boolean => role !== 'wall_display';

/** Only planners save plans (and only inside their scope, which the database checks). */
export const savesPlans = (role: Role): boolean => role === 'planner';

/** A refusal before any data is read: 401 (who are you?), 403 (not you) or 503 (the provider is away), with a code. */
export class AccessRefused extends Error {
  constructor(
    readonly status: 401 | 403 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
