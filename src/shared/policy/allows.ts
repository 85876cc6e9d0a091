import type { Role } from '../api/roles'
import { type Action, RULES, type Rule } from './rules'

/** Who is asking: the roles that apply now and the active municipality (null when none is chosen). */
export interface Subject {
  roles: readonly Role[]
  kommune: string | null
}

/**
 * The rules table read as a yes/no, the same way the server's `can` reads it: one of the rule's
 * roles, and for a `kommune` rule an active municipality that owns the record (when one is given).
 * The web app asks this to decide what to show; the server asks it again on every request.
 */
export function allows(subject: Subject | null, action: Action, owner?: { kommune: string | null }): boolean {
  if (!subject) return false
  const rule: Rule | undefined = RULES[action]
  if (!rule) return false
  if (!subject.roles.some((r) => rule.roles.includes(r))) return false
  if (rule.scope === 'national') return true
  if (!subject.kommune) return false
  return owner === undefined || owner.kommune === subject.kommune
}
