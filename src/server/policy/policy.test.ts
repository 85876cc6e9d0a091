import { describe, expect, it } from 'vitest'
import type { Role } from '../../shared/api/roles'
import type { Actor } from '../auth/actor'
import type { AppError } from '../http/errors'
import { ACTIONS, type Action, authorize, can, RULES } from './policy'

const actor = (roles: Role[], kommune: string | null = '0301'): Actor => ({
  userId: 'u',
  name: 'n',
  kommune,
  roles,
  sessionId: 's',
})
const ROLES: Role[] = ['operator', 'admin', 'tracer', 'report', 'fhi']

/**
 * The full matrix, written out so a change to the policy shows up as a diff here: a row per action,
 * the roles that may perform it in their own municipality (municipal roles) or nationally.
 */
const EXPECTED: Record<Action, Role[]> = {
  'subunit.manage': ['admin'],
  'user.manage': ['admin'],
  'audit.read': ['admin'],
  'kommune-settings.manage': ['admin'],
  'onboarding.read': ['admin', 'tracer', 'report'],
  'onboarding.manage': ['operator'],
  'kommune.activate': ['operator'],
  'rulesets.manage': ['operator'],
  'rulesets.read': ['operator', 'admin', 'tracer', 'report', 'fhi'],
  'flag.resolve': ['admin'],
  'audit.verify': ['operator'],
  'flag.create': ['admin', 'tracer'],
  'person.read': ['admin', 'tracer'],
  'person.write': ['admin', 'tracer'],
  'person.merge': ['admin', 'tracer'],
  'person.reveal-address': ['admin', 'tracer'],
  'case.read': ['admin', 'tracer'],
  'case.write': ['admin', 'tracer'],
  'event.read': ['admin', 'tracer'],
  'event.write': ['admin', 'tracer'],
  'measure.read': ['admin', 'tracer'],
  'measure.write': ['admin', 'tracer'],
  'followup.assign': ['admin', 'tracer'],
  'followup.record': ['admin', 'tracer'],
  'followup.configure': ['admin'],
  'outbox.read': ['admin', 'tracer'],
  'transfer.manage': ['admin', 'tracer'],
  'freg.lookup': ['admin', 'tracer'],
  'import.run': ['admin', 'tracer'],
  'export.run': ['admin', 'tracer'],
  'retention.manage': ['admin'],
  'report.read': ['admin', 'tracer', 'report'],
  'report.submit': ['admin', 'report'],
  'fhi.read': ['fhi'],
  'report.save': ['admin', 'tracer', 'report'],
  'report.national': ['operator', 'fhi'],
  'apiclient.manage': ['operator'],
  'org.read-national': ['operator', 'fhi'],
}

describe('policy matrix', () => {
  it('matches the documented matrix for every action and role', () => {
    const actual = Object.fromEntries(
      ACTIONS.map((a) => [
        a,
        ROLES.filter((r) => can(actor([r], r === 'operator' || r === 'fhi' ? null : '0301'), a, undefined)),
      ]),
    )
    // Print it: the test output doubles as the access documentation.
    const table = ACTIONS.map(
      (a) => `${a.padEnd(24)} ${ROLES.map((r) => (actual[a]!.includes(r) ? 'x' : '.').padEnd(9)).join('')}`,
    )
    process.stdout.write(
      `\n${'action'.padEnd(24)} ${ROLES.map((r) => r.padEnd(9)).join('')}\n${table.join('\n')}\n`,
    )
    expect(actual).toEqual(EXPECTED)
  })

  it('no national role reaches personal data', () => {
    const personal = ACTIONS.filter((a) =>
      /^(person|case|event|measure|followup|transfer|freg|import|export)\./.test(a),
    )
    for (const a of personal) {
      expect(can(actor(['operator'], null), a)).toBe(false)
      expect(can(actor(['fhi'], null), a)).toBe(false)
    }
  })

  it('default deny: an unknown action is refused', () => {
    expect(can(actor(['admin', 'tracer']), 'no.such.action' as Action)).toBe(false)
  })
})

describe('authorize on a concrete record', () => {
  const tracer = actor(['tracer'], '0301')

  it('allows a record of the own municipality', () => {
    expect(() => authorize(tracer, 'case.read', { kommune: '0301' })).not.toThrow()
  })

  it('answers 404, not 403, for a record of another municipality', () => {
    try {
      authorize(tracer, 'case.read', { kommune: '4601' })
      expect.unreachable()
    } catch (e) {
      expect((e as AppError).status).toBe(404)
    }
  })

  it('answers 403 for a missing role and 401 without an actor', () => {
    expect(() => authorize(actor(['report']), 'case.read', { kommune: '0301' })).toThrowError(
      expect.objectContaining({ status: 403 }),
    )
    expect(() => authorize(null, 'case.read')).toThrowError(expect.objectContaining({ status: 401 }))
  })

  it('asks a municipal user with no active municipality to choose one', () => {
    expect(() => authorize(actor(['tracer'], null), 'case.read')).toThrowError(
      expect.objectContaining({ status: 403, code: 'no-active-kommune' }),
    )
  })

  it('every rule names at least one role', () => {
    for (const a of ACTIONS) expect(RULES[a].roles.length).toBeGreaterThan(0)
  })
})
