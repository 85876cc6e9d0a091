import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SETS } from '../../../shared/domain/ruleSets'
import { buildUser, type LoggedIn, loginAs } from '../../test/factories'
import {
  addContact,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  fieldErrors,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
let operator: LoggedIn
let fhi: LoggedIn

beforeAll(async () => {
  f = await caseworkFixture()
  operator = await loginAs(f.t.app, await buildUser(f.t.db.db, { roles: [{ role: 'operator' }] }))
  fhi = await loginAs(f.t.app, await buildUser(f.t.db.db, { roles: [{ role: 'fhi' }] }))
})
afterAll(() => f.t.close())

const newSet = {
  id: 'no-2030-01-01',
  name: 'Nye regler 2030',
  validFrom: '2030-01-01',
  validTo: null,
  source: 'Testkilde for nye regler i 2030',
  quarantine: { days: 7, testOutDay: 5 },
  isolation: { days: 5, minSymptomFreeDays: 1 },
}
const body = (r: Record<string, unknown>) => {
  const { id: _i, usage: _u, updatedAt: _a, updatedBy: _b, ...rest } = r
  return rest
}

describe('GET /api/rulesets', () => {
  it('401 without a session', async () => {
    expect((await f.anon({ url: '/api/rulesets' })).statusCode).toBe(401)
  })

  it('is seeded with the documented Norwegian history, sources included', async () => {
    const res = await f.oslo.inject({ url: '/api/rulesets' })
    expect(res.statusCode).toBe(200)
    const { items, problems } = res.json()
    expect(problems).toEqual([])
    expect(
      items.map((r: Record<string, unknown>) => ({
        id: r.id,
        name: r.name,
        validFrom: r.validFrom,
        validTo: r.validTo,
        source: r.source,
        quarantine: r.quarantine,
        isolation: r.isolation,
      })),
    ).toEqual(
      DEFAULT_RULE_SETS.map((r) => ({
        id: r.id,
        name: r.name,
        validFrom: r.validFrom,
        validTo: r.validTo,
        source: r.source,
        // Seeded without call days: the municipality's schedule settings apply (issue 18).
        quarantine: r.quarantine
          ? { days: r.quarantine.days, testOutDay: r.quarantine.testOutDay, callDays: null }
          : null,
        isolation: r.isolation ? { days: r.isolation.days, minSymptomFreeDays: null, callDays: null } : null,
      })),
    )
    expect(items.every((r: { usage: number; version: number }) => r.usage === 0 && r.version === 1)).toBe(
      true,
    )
  })

  it('every role can read them (FHI too: no personal data)', async () => {
    expect((await fhi.inject({ url: '/api/rulesets' })).statusCode).toBe(200)
    expect((await f.osloReport.inject({ url: '/api/rulesets' })).statusCode).toBe(200)
  })
})

describe('operator edits rule sets', () => {
  it('401 without a session, 403 for municipal users', async () => {
    expect((await f.anon({ method: 'POST', url: '/api/rulesets', payload: newSet })).statusCode).toBe(401)
    expect((await f.oslo.inject({ method: 'POST', url: '/api/rulesets', payload: newSet })).statusCode).toBe(
      403,
    )
    expect(
      (await f.osloAdmin.inject({ method: 'POST', url: '/api/rulesets', payload: newSet })).statusCode,
    ).toBe(403)
  })

  it('400 per field', async () => {
    const res = await operator.inject({
      method: 'POST',
      url: '/api/rulesets',
      payload: {
        ...newSet,
        id: 'Ny Regel',
        validFrom: '2030-02-30',
        source: 'kort',
        quarantine: { days: 0, testOutDay: null },
      },
    })
    expect(fieldErrors(res.json())).toEqual({
      'body.id': 'Bruk små bokstaver, siffer og bindestrek (f.eks. no-2021-09-25)',
      'body.validFrom': 'Datoen finnes ikke',
      'body.source': 'Oppgi kilden til reglene (minst 10 tegn)',
      'body.quarantine.days': 'Karantenetid må være minst 1 døgn',
    })
  })

  it('400 when the new set overlaps one in force (ruleSetProblems)', async () => {
    const res = await operator.inject({ method: 'POST', url: '/api/rulesets', payload: newSet })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { path: 'body.validFrom', message: 'Regelsettene «no-2022-02-12» og «no-2030-01-01» gjelder samtidig' },
    ])
  })

  it('closes the open set and adds the next one; history is kept', async () => {
    const list = (await operator.inject({ url: '/api/rulesets' })).json().items
    const last = list.find((r: { id: string }) => r.id === 'no-2022-02-12')
    const closed = await operator.inject({
      method: 'PUT',
      url: '/api/rulesets/no-2022-02-12',
      payload: { ...body(last), validTo: '2029-12-31' },
    })
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({
      validTo: '2029-12-31',
      version: 2,
      updatedBy: { id: operator.user.id },
    })
    const created = await operator.inject({ method: 'POST', url: '/api/rulesets', payload: newSet })
    expect(created.statusCode).toBe(200)
    expect(created.json()).toMatchObject({
      id: 'no-2030-01-01',
      quarantine: { days: 7, testOutDay: 5 },
      usage: 0,
      version: 1,
    })
    const stale = await operator.inject({
      method: 'PUT',
      url: '/api/rulesets/no-2022-02-12',
      payload: { ...body(last), validTo: '2029-06-30' },
    })
    expect(stale.statusCode).toBe(409)
    const history = (await operator.inject({ url: '/api/rulesets/no-2022-02-12/history' })).json().items
    expect(history.map((h: { version: number; change: string }) => [h.version, h.change])).toEqual([
      [2, 'update'],
      [1, 'create'],
    ])
    expect(history[0].snapshot).toMatchObject({ valid_to: '2029-12-31' })
  })

  it('a used set keeps its figures and cannot be deleted; an unused one can', async () => {
    // Quarantine for an exposure on 2021-03-21 uses no-2021-01-01.
    const c = await createCase(f.oslo, { onsetDate: '2021-03-22', testDate: '2021-03-23' })
    const contact = await addContact(f.oslo, c.id, { lastExposure: '2021-03-21' })
    const m = await f.oslo.inject({
      method: 'POST',
      url: '/api/measures',
      payload: { kind: 'quarantine', contactId: contact.contactId },
    })
    expect(m.json()).toMatchObject({
      ruleSet: { id: 'no-2021-01-01' },
      endDate: '2021-03-31',
      status: 'ended',
    })

    const used = (await operator.inject({ url: '/api/rulesets' }))
      .json()
      .items.find((r: { id: string }) => r.id === 'no-2021-01-01')
    expect(used.usage).toBe(1)
    const change = await operator.inject({
      method: 'PUT',
      url: '/api/rulesets/no-2021-01-01',
      payload: { ...body(used), quarantine: { days: 12, testOutDay: 7 } },
    })
    expect(change.statusCode).toBe(409)
    expect(change.json()).toMatchObject({ code: 'rule-set-in-use', fields: ['quarantine_days'] })
    const rename = await operator.inject({
      method: 'PUT',
      url: '/api/rulesets/no-2021-01-01',
      payload: { ...body(used), source: `${used.source} Kontrollert.` },
    })
    expect(rename.statusCode).toBe(200)
    const del = await operator.inject({ method: 'DELETE', url: '/api/rulesets/no-2021-01-01?version=2' })
    expect(del.statusCode).toBe(409)

    const gone = await operator.inject({ method: 'DELETE', url: '/api/rulesets/no-2030-01-01?version=1' })
    expect(gone.statusCode).toBe(204)
    const history = (await operator.inject({ url: '/api/rulesets/no-2030-01-01/history' })).json().items
    expect(history.map((h: { change: string }) => h.change)).toEqual(['delete', 'create'])
    expect(
      (await operator.inject({ method: 'DELETE', url: '/api/rulesets/no-2030-01-01?version=1' })).statusCode,
    ).toBe(404)
  })
})
