import { type Action, RULES, type Rule } from '../../shared/policy/rules'
import type { Actor } from '../auth/actor'
import { AppError, notFound, unauthorized } from '../http/errors'

export { ACTIONS, type Action, RULES, type Rule } from '../../shared/policy/rules'

/** A record's owner, for the kommune condition. */
export interface Owned {
  kommune: string | null
}

export function can(actor: Actor | null, action: Action, resource?: Owned): boolean {
  if (!actor) return false
  const rule: Rule = RULES[action]
  if (!rule) return false
  if (!actor.roles.some((r) => rule.roles.includes(r))) return false
  if (rule.scope === 'national') return true
  if (!actor.kommune) return false
  return resource === undefined || resource.kommune === actor.kommune
}

/**
 * Throws unless the actor may perform the action (on the resource, if given): 401 without login,
 * 404 for a record owned by another municipality, 403 for a missing role or no active municipality.
 */
export function authorize(actor: Actor | null, action: Action, resource?: Owned): asserts actor is Actor {
  if (!actor) throw unauthorized()
  if (can(actor, action, resource)) return
  const rule: Rule = RULES[action]
  if (resource && rule.scope === 'kommune' && resource.kommune !== actor.kommune) throw notFound()
  if (rule.scope === 'kommune' && !actor.kommune)
    throw new AppError(403, 'no-active-kommune', 'Velg kommune før du fortsetter')
  throw new AppError(403, 'forbidden', 'Du har ikke tilgang til dette', {
    detail: `Handlingen krever en av rollene: ${rule.roles.join(', ')}`,
  })
}

/** The actor's active municipality for a kommune-scoped action, or the matching error. */
export function requireKommune(actor: Actor | null, action: Action): string {
  authorize(actor, action)
  return actor.kommune!
}
