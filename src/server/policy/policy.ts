import type { Role } from '../../shared/api/roles'
import type { Actor } from '../auth/actor'
import { AppError, notFound, unauthorized } from '../http/errors'

/**
 * The one place that says who may do what (SPEC §0). Default deny: an action not in the table is
 * refused. `scope: 'kommune'` rules also require the record's owner municipality to be the
 * actor's active municipality; a record of another municipality answers 404, so its existence is
 * not revealed. National rules (operator, FHI) never reach personal data.
 */
type Rule = { roles: readonly Role[]; scope: 'kommune' | 'national' }

const CASEWORK: readonly Role[] = ['tracer', 'admin']
const REPORTING: readonly Role[] = ['tracer', 'admin', 'report']

export const RULES = {
  'subunit.manage': { roles: ['admin'], scope: 'kommune' },
  'user.manage': { roles: ['admin'], scope: 'kommune' },
  'audit.read': { roles: ['admin'], scope: 'kommune' },
  'audit.verify': { roles: ['operator'], scope: 'national' },
  'kommune-settings.manage': { roles: ['admin'], scope: 'kommune' },
  'onboarding.read': { roles: ['admin', 'tracer', 'report'], scope: 'kommune' },
  'onboarding.manage': { roles: ['operator'], scope: 'national' },
  'kommune.activate': { roles: ['operator'], scope: 'national' },
  'rulesets.manage': { roles: ['operator'], scope: 'national' },
  'rulesets.read': { roles: ['operator', 'admin', 'tracer', 'report', 'fhi'], scope: 'national' },
  'flag.resolve': { roles: ['admin'], scope: 'kommune' },
  'flag.create': { roles: CASEWORK, scope: 'kommune' },
  'person.read': { roles: CASEWORK, scope: 'kommune' },
  'person.write': { roles: CASEWORK, scope: 'kommune' },
  'person.merge': { roles: CASEWORK, scope: 'kommune' },
  'person.reveal-address': { roles: CASEWORK, scope: 'kommune' },
  'case.read': { roles: CASEWORK, scope: 'kommune' },
  'case.write': { roles: CASEWORK, scope: 'kommune' },
  'event.read': { roles: CASEWORK, scope: 'kommune' },
  'event.write': { roles: CASEWORK, scope: 'kommune' },
  'measure.read': { roles: CASEWORK, scope: 'kommune' },
  'measure.write': { roles: CASEWORK, scope: 'kommune' },
  'followup.assign': { roles: CASEWORK, scope: 'kommune' },
  'followup.record': { roles: CASEWORK, scope: 'kommune' },
  'followup.configure': { roles: ['admin'], scope: 'kommune' },
  'outbox.read': { roles: CASEWORK, scope: 'kommune' },
  'transfer.manage': { roles: CASEWORK, scope: 'kommune' },
  'freg.lookup': { roles: CASEWORK, scope: 'kommune' },
  'import.run': { roles: CASEWORK, scope: 'kommune' },
  'export.run': { roles: CASEWORK, scope: 'kommune' },
  'retention.manage': { roles: ['admin'], scope: 'kommune' },
  'report.read': { roles: REPORTING, scope: 'kommune' },
  'report.submit': { roles: ['admin', 'report'], scope: 'kommune' },
  'fhi.read': { roles: ['fhi'], scope: 'national' },
  'report.save': { roles: REPORTING, scope: 'kommune' },
  'report.national': { roles: ['operator', 'fhi'], scope: 'national' },
  'apiclient.manage': { roles: ['operator'], scope: 'national' },
  'org.read-national': { roles: ['operator', 'fhi'], scope: 'national' },
} as const satisfies Record<string, Rule>

export type Action = keyof typeof RULES
export const ACTIONS = Object.keys(RULES) as Action[]

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
