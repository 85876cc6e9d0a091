import type { Role } from '../../shared/api/roles'

/**
 * The authenticated user making a request, with the roles that apply right now: national roles
 * plus the roles held in the active municipality (a user may hold roles in several).
 */
export interface Actor {
  userId: string
  /** Display name entered by the Administrator (ID-porten gives no name). */
  name: string
  /** Active municipality (kommune code), or null for national-only users. */
  kommune: string | null
  roles: Role[]
  sessionId: string
}

/** Per-request facts every service needs: who, from where, which request (for the audit log). */
export interface RequestContext {
  actor: Actor | null
  requestId: string
  ip: string
}

export const hasRole = (actor: Actor | null, ...roles: Role[]) =>
  !!actor && actor.roles.some((r) => roles.includes(r))
