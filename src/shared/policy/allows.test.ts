import { describe, expect, it } from 'vitest'
import type { Role } from '../api/roles'
import { allows } from './allows'
import { ACTIONS, RULES } from './rules'

const ROLES: Role[] = ['operator', 'admin', 'tracer', 'report', 'fhi']

describe('allows', () => {
  it('answers exactly the rules table for every role and action', () => {
    for (const action of ACTIONS)
      for (const role of ROLES)
        expect([action, role, allows({ roles: [role], kommune: '0301' }, action)]).toEqual([
          action,
          role,
          (RULES[action].roles as readonly Role[]).includes(role),
        ])
  })

  it('refuses nobody-logged-in and unknown actions', () => {
    expect(allows(null, 'case.read')).toBe(false)
    expect(allows({ roles: ROLES, kommune: '0301' }, 'no.such' as never)).toBe(false)
  })

  it('needs an active municipality for a kommune rule, not for a national one', () => {
    expect(allows({ roles: ['admin'], kommune: null }, 'user.manage')).toBe(false)
    expect(allows({ roles: ['operator'], kommune: null }, 'onboarding.manage')).toBe(true)
  })

  it('needs the record to belong to the active municipality', () => {
    const tracer = { roles: ['tracer'] as Role[], kommune: '0301' }
    expect(allows(tracer, 'case.read', { kommune: '0301' })).toBe(true)
    expect(allows(tracer, 'case.read', { kommune: '4601' })).toBe(false)
    expect(allows(tracer, 'case.read', { kommune: null })).toBe(false)
  })

  it('combines roles: any one of them is enough', () => {
    expect(allows({ roles: ['report', 'tracer'], kommune: '0301' }, 'case.write')).toBe(true)
    expect(allows({ roles: ['report'], kommune: '0301' }, 'case.write')).toBe(false)
  })
})
