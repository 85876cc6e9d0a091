import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'

const OSLO = '0301'
const BERGEN = '4601'
const GRUNERLOKKA = '030102'

let t: Awaited<ReturnType<typeof buildTestApp>>
let adminOslo: LoggedIn
let tracerOslo: LoggedIn
let adminBergen: LoggedIn

beforeAll(async () => {
  t = await buildTestApp()
  const db = t.db.db
  await activateKommune(db, OSLO)
  await activateKommune(db, BERGEN)
  adminOslo = await loginAs(
    t.app,
    await buildUser(db, { name: 'Olga Admin', roles: [{ role: 'admin', kommune: OSLO }] }),
  )
  tracerOslo = await loginAs(t.app, await buildUser(db, { roles: [{ role: 'tracer', kommune: OSLO }] }))
  adminBergen = await loginAs(t.app, await buildUser(db, { roles: [{ role: 'admin', kommune: BERGEN }] }))
})
afterAll(() => t.close())

const add = (who: LoggedIn, payload: unknown) => who.inject({ method: 'POST', url: '/api/subunits', payload })

describe('sub-units: who may', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/subunits', payload: {} })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/subunits' })).statusCode).toBe(401)
  })

  it('validates name and parent', async () => {
    const empty = await add(adminOslo, { name: '  ', parentCode: OSLO })
    expect(empty.json().errors).toEqual([{ path: 'body.name', message: 'Navnet må fylles ut' }])
    const elsewhere = await add(adminOslo, { name: 'Team Arna', parentCode: '460101' })
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json().errors).toEqual([
      { path: 'body.parentCode', message: 'Velg kommunen eller en av bydelene som overordnet enhet' },
    ])
  })

  it('is for the Administrator of the municipality only', async () => {
    expect((await add(tracerOslo, { name: 'Team', parentCode: OSLO })).statusCode).toBe(403)
    const mine = (await add(adminOslo, { name: 'Oslo-team', parentCode: OSLO })).json()
    const other = await adminBergen.inject({
      method: 'PATCH',
      url: `/api/subunits/${mine.code}`,
      payload: { version: mine.version, name: 'Kapret' },
    })
    expect(other.statusCode).toBe(404)
    const retire = await adminBergen.inject({
      method: 'POST',
      url: `/api/subunits/${mine.code}/retire`,
      payload: { version: mine.version },
    })
    expect(retire.statusCode).toBe(404)
  })

  it('never changes SSB units', async () => {
    const res = await adminOslo.inject({
      method: 'PATCH',
      url: `/api/subunits/${GRUNERLOKKA}`,
      payload: { version: 1, name: 'Løkka' },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'read-only-unit',
      title: 'Enheter fra SSB og Kartverket kan ikke endres',
    })
    const kommune = await adminOslo.inject({
      method: 'POST',
      url: `/api/subunits/${OSLO}/retire`,
      payload: { version: 1 },
    })
    expect(kommune.statusCode).toBe(422)
  })
})

describe('adding, renaming and retiring', () => {
  it('adds numbered sub-units under the kommune or a bydel, visible in the organisation tree', async () => {
    const a = await add(adminOslo, { name: 'Smitteteam sentrum', parentCode: OSLO })
    const b = await add(adminOslo, { name: 'Team Grünerløkka', parentCode: GRUNERLOKKA })
    expect(a.statusCode).toBe(201)
    expect(a.json()).toMatchObject({
      code: '0301-2',
      name: 'Smitteteam sentrum',
      parentCode: OSLO,
      parentName: 'Oslo',
      status: 'active',
      version: 1,
    })
    expect(b.json()).toMatchObject({ code: '0301-3', parentCode: GRUNERLOKKA, parentName: 'Grünerløkka' })
    const tree = (await t.app.inject({ url: `/api/org-units/${GRUNERLOKKA}` })).json()
    expect(tree.children).toEqual([
      {
        code: '0301-3',
        kind: 'subunit',
        name: 'Team Grünerløkka',
        shortName: 'Team Grünerløkka',
        status: 'active',
        childCount: 0,
      },
    ])
    const unit = (await t.app.inject({ url: '/api/org-units/0301-3' })).json()
    expect(unit).toMatchObject({
      source: 'local',
      ancestors: [{ code: '00' }, { code: '03' }, { code: OSLO }, { code: GRUNERLOKKA }],
    })
    const overview = (await adminOslo.inject({ url: '/api/subunits' })).json()
    expect(overview.parents[0]).toEqual({ code: OSLO, name: 'Oslo', kind: 'kommune' })
    expect(overview.parents).toHaveLength(18) // Oslo and its 17 bydeler
    expect(overview.subunits.map((s: { code: string }) => s.code)).toEqual(['0301-1', '0301-2', '0301-3'])
  })

  it('renames with optimistic locking and retires, audited; a retired unit stays', async () => {
    const renamed = await adminOslo.inject({
      method: 'PATCH',
      url: '/api/subunits/0301-2',
      payload: { version: 1, name: 'Smitteteam indre by' },
    })
    expect(renamed.json()).toMatchObject({ name: 'Smitteteam indre by', version: 2 })
    const stale = await adminOslo.inject({
      method: 'PATCH',
      url: '/api/subunits/0301-2',
      payload: { version: 1, name: 'X' },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ name: 'Smitteteam indre by', version: 2 })

    const retired = await adminOslo.inject({
      method: 'POST',
      url: '/api/subunits/0301-2/retire',
      payload: { version: 2 },
    })
    expect(retired.json()).toMatchObject({ status: 'retired', version: 3 })
    const again = await adminOslo.inject({
      method: 'PATCH',
      url: '/api/subunits/0301-2',
      payload: { version: 3, name: 'Y' },
    })
    expect(again.json().code).toBe('retired')
    expect((await t.app.inject({ url: '/api/org-units/0301-2' })).json()).toMatchObject({ status: 'retired' })

    const log = await inTenant(t.db.db, { kommune: OSLO }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'payload'])
        .where('record_id', '=', '0301-2')
        .orderBy('id')
        .execute(),
    )
    expect(log.map((r) => r.action)).toEqual(['org-unit.create', 'org-unit.rename', 'org-unit.retire'])
    expect(log[1]!.payload.changes).toEqual([
      { field: 'name', before: 'Smitteteam sentrum', after: 'Smitteteam indre by' },
    ])
  })
})
