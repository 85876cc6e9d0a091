import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { randomSyntheticId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs, type TestUser } from '../../test/factories'

const OSLO = '0301'
const BERGEN = '4601'
/** A valid, real-looking (not synthetic) fødselsnummer: refused in the test environment. */
const REAL_FNR = '13097248022'

let t: Awaited<ReturnType<typeof buildTestApp>>
let adminOslo: LoggedIn
let tracerOslo: LoggedIn
let adminBergen: LoggedIn
let bergenTracer: TestUser

beforeAll(async () => {
  t = await buildTestApp()
  const db = t.db.db
  await activateKommune(db, OSLO)
  await activateKommune(db, BERGEN)
  adminOslo = await loginAs(
    t.app,
    await buildUser(db, { name: 'Olga Admin', roles: [{ role: 'admin', kommune: OSLO }] }),
  )
  tracerOslo = await loginAs(
    t.app,
    await buildUser(db, { name: 'Tore Sporer', roles: [{ role: 'tracer', kommune: OSLO }] }),
  )
  adminBergen = await loginAs(
    t.app,
    await buildUser(db, { name: 'Berit Admin', roles: [{ role: 'admin', kommune: BERGEN }] }),
  )
  bergenTracer = await buildUser(db, { name: 'Bjarne Bergen', roles: [{ role: 'tracer', kommune: BERGEN }] })
})
afterAll(() => t.close())

const newUser = (over: Record<string, unknown> = {}) => ({
  nationalId: randomSyntheticId(),
  name: 'Nina Ny',
  email: 'nina@oslo.example.test',
  roles: ['tracer'],
  ...over,
})

async function auditRows(kommune: string, action: string) {
  return inTenant(t.db.db, { kommune }, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['record_id', 'payload'])
      .where('action', '=', action)
      .orderBy('id')
      .execute(),
  )
}

describe('access administration: who may', () => {
  it('answers 401 without a session, before looking at the input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401)
    const res = await t.app.inject({ method: 'POST', url: '/api/users', payload: {} })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'unauthorized', title: 'Du må logge inn' })
  })

  it('validates each field with a Norwegian message on its path', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ nationalId: '' }, 'body.nationalId', 'Fødselsnummeret må fylles ut'],
      [{ nationalId: '1234' }, 'body.nationalId', 'Fødselsnummeret må ha 11 siffer'],
      [
        { nationalId: '20036914712' },
        'body.nationalId',
        'Kontrollsifrene stemmer ikke – sjekk at nummeret er skrevet riktig',
      ],
      [{ name: ' ' }, 'body.name', 'Navnet må fylles ut'],
      [{ email: 'ikke-en-adresse' }, 'body.email', 'Ugyldig e-postadresse'],
      [{ roles: [] }, 'body.roles', 'Velg minst én rolle'],
      [{ roles: ['operator'] }, 'body.roles.0', 'Ugyldig verdi'],
      [{ validTo: '31.12.2030' }, 'body.validTo', 'Ugyldig dato (bruk åååå-mm-dd)'],
    ]
    for (const [over, path, message] of cases) {
      const res = await adminOslo.inject({ method: 'POST', url: '/api/users', payload: newUser(over) })
      expect(res.statusCode, path).toBe(400)
      expect(res.json().errors, JSON.stringify(over)).toContainEqual({ path, message })
    }
  })

  it('refuses a real (non-synthetic) national id in the test environment', async () => {
    const res = await adminOslo.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ nationalId: REAL_FNR }),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      {
        path: 'body.nationalId',
        message:
          'I testmiljøet kan bare syntetiske fødselsnumre brukes (Tenor: måned + 80, eller NAV: måned + 40)',
      },
    ])
  })

  it('refuses an end date in the past', async () => {
    const res = await adminOslo.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ validTo: '2020-01-01' }),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { path: 'body.validTo', message: 'Sluttdatoen kan ikke være tilbake i tid' },
    ])
  })

  it('lets no tracer list or change users (403)', async () => {
    const list = await tracerOslo.inject({ url: '/api/users' })
    expect(list.statusCode).toBe(403)
    expect(list.json().code).toBe('forbidden')
    const add = await tracerOslo.inject({ method: 'POST', url: '/api/users', payload: newUser() })
    expect(add.statusCode).toBe(403)
    const change = await tracerOslo.inject({
      method: 'PATCH',
      url: `/api/users/${bergenTracer.id}`,
      payload: { version: 1, roles: ['admin'] },
    })
    expect(change.statusCode).toBe(403)
  })

  it("hides another municipality's users from an Administrator (404, and not in the list)", async () => {
    const get = await adminOslo.inject({ url: `/api/users/${bergenTracer.id}` })
    expect(get.statusCode).toBe(404)
    expect(get.json().title).toBe('Brukeren finnes ikke')
    const patch = await adminOslo.inject({
      method: 'PATCH',
      url: `/api/users/${bergenTracer.id}`,
      payload: { version: 1, roles: ['admin'] },
    })
    expect(patch.statusCode).toBe(404)
    const deact = await adminOslo.inject({
      method: 'POST',
      url: `/api/users/${bergenTracer.id}/deactivate`,
      payload: { version: 1 },
    })
    expect(deact.statusCode).toBe(404)
    const names = (await adminOslo.inject({ url: '/api/users?pageSize=100' }))
      .json()
      .items.map((u: { name: string }) => u.name)
    expect(names).toContain('Olga Admin')
    expect(names).not.toContain('Bjarne Bergen')
    expect(names).not.toContain('Berit Admin')
    // Bergen's roles were not touched by any of this.
    const bergen = (await adminBergen.inject({ url: `/api/users/${bergenTracer.id}` })).json()
    expect(bergen).toMatchObject({ roles: ['tracer'], status: 'active', version: 1 })
  })
})

describe('adding users', () => {
  it('creates a user with roles and an end date, audited, who can then log in', async () => {
    const pid = randomSyntheticId()
    const res = await adminOslo.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({
        nationalId: pid,
        name: ' Nils Nyansatt ',
        roles: ['tracer', 'report'],
        validTo: '2099-12-31',
      }),
    })
    expect(res.statusCode).toBe(201)
    const { user, existing } = res.json()
    expect(existing).toBe(false)
    expect(user).toMatchObject({
      name: 'Nils Nyansatt',
      email: 'nina@oslo.example.test',
      nationalIdMasked: `${pid.slice(0, 6)}*****`,
      roles: ['report', 'tracer'],
      validTo: '2099-12-31',
      status: 'active',
      lastLoginAt: null,
      version: 1,
    })
    expect(
      user.history.map((h: { role: string; grantedBy: string }) => [h.role, h.grantedBy]).sort(),
    ).toEqual([
      ['report', 'Olga Admin'],
      ['tracer', 'Olga Admin'],
    ])

    const [row] = (await auditRows(OSLO, 'user.create')).filter((r) => r.record_id === user.id)
    expect(row!.payload).toMatchObject({
      userName: 'Olga Admin',
      kommune: OSLO,
      changes: expect.arrayContaining([
        { field: 'name', before: null, after: 'Nils Nyansatt' },
        { field: 'roles', before: null, after: ['report', 'tracer'] },
        { field: 'validTo', before: null, after: '2099-12-31' },
      ]),
    })

    const session = await loginAs(t.app, { id: user.id, pid, name: user.name, roles: [] })
    const me = (await session.inject({ url: '/api/session' })).json()
    expect(me.activeKommune).toMatchObject({ code: OSLO })
    expect(me.roles.sort()).toEqual(['report', 'tracer'])
  })

  it('adds roles to a person who is already a user in another municipality', async () => {
    const res = await adminOslo.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ nationalId: bergenTracer.pid, name: 'Annet Navn', roles: ['tracer'] }),
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      existing: true,
      user: { id: bergenTracer.id, name: 'Bjarne Bergen', roles: ['tracer'] },
    })
    const session = await loginAs(t.app, bergenTracer, OSLO)
    const me = (await session.inject({ url: '/api/session' })).json()
    expect(me.memberships.map((m: { kommune: string }) => m.kommune).sort()).toEqual([OSLO, BERGEN])
  })

  it('answers 409 when the person already has access here', async () => {
    const res = await adminOslo.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ nationalId: tracerOslo.user.pid }),
    })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'already-member', userId: tracerOslo.user.id })
  })
})

describe('changing, deactivating and reactivating', () => {
  let user: { id: string; version: number }
  beforeAll(async () => {
    const res = await adminOslo.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ name: 'Endre Meg' }),
    })
    user = res.json().user
  })

  it('changes roles: the old grant is revoked (kept), the new one added', async () => {
    const res = await adminOslo.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: user.version, roles: ['report'], email: 'endret@oslo.example.test' },
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      roles: ['report'],
      email: 'endret@oslo.example.test',
      version: user.version + 1,
    })
    const tracerGrant = body.history.find((h: { role: string }) => h.role === 'tracer')
    expect(tracerGrant).toMatchObject({ revokedBy: 'Olga Admin', revokeReason: 'changed' })
    expect(tracerGrant.revokedAt).not.toBeNull()
    const [audited] = (await auditRows(OSLO, 'user.update')).filter((r) => r.record_id === user.id)
    expect(audited!.payload.changes).toEqual([
      { field: 'email', before: 'nina@oslo.example.test', after: 'endret@oslo.example.test' },
      { field: 'roles', before: ['tracer'], after: ['report'] },
    ])
    user = body
  })

  it('answers 409 with the current values on a stale version', async () => {
    const res = await adminOslo.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: user.version - 1, roles: ['admin'] },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      code: 'conflict',
      current: { id: user.id, roles: ['report'], version: user.version },
    })
    const now = (await adminOslo.inject({ url: `/api/users/${user.id}` })).json()
    expect(now.roles).toEqual(['report'])
  })

  it('refuses an Administrator removing their own admin role or deactivating themselves', async () => {
    const me = (await adminOslo.inject({ url: `/api/users/${adminOslo.user.id}` })).json()
    const patch = await adminOslo.inject({
      method: 'PATCH',
      url: `/api/users/${adminOslo.user.id}`,
      payload: { version: me.version, roles: ['tracer'] },
    })
    expect(patch.statusCode).toBe(422)
    expect(patch.json().code).toBe('own-admin-role')
    const deact = await adminOslo.inject({
      method: 'POST',
      url: `/api/users/${adminOslo.user.id}/deactivate`,
      payload: { version: me.version },
    })
    expect(deact.json().code).toBe('own-user')
  })

  it('deactivates access here only; the user keeps working in Bergen', async () => {
    const before = (await adminOslo.inject({ url: `/api/users/${bergenTracer.id}` })).json()
    const res = await adminOslo.inject({
      method: 'POST',
      url: `/api/users/${bergenTracer.id}/deactivate`,
      payload: { version: before.version, reason: 'Sluttet i smitteteamet' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ roles: [], status: 'deactivated', deactivatedReason: 'deactivated' })
    const listed = (await adminOslo.inject({ url: '/api/users?status=deactivated' })).json()
    expect(listed.items.map((u: { id: string }) => u.id)).toContain(bergenTracer.id)

    const session = await loginAs(t.app, bergenTracer)
    const me = (await session.inject({ url: '/api/session' })).json()
    expect(me.memberships).toEqual([expect.objectContaining({ kommune: BERGEN, roles: ['tracer'] })])
    expect((await adminBergen.inject({ url: `/api/users/${bergenTracer.id}` })).json().status).toBe('active')
    const [audited] = (await auditRows(OSLO, 'user.deactivate')).filter(
      (r) => r.record_id === bergenTracer.id,
    )
    expect(audited!.payload).toMatchObject({
      reason: 'Sluttet i smitteteamet',
      changes: expect.arrayContaining([{ field: 'status', before: 'active', after: 'deactivated' }]),
    })
  })

  it('reactivates with the roles the deactivation revoked', async () => {
    const before = (await adminOslo.inject({ url: `/api/users/${bergenTracer.id}` })).json()
    const res = await adminOslo.inject({
      method: 'POST',
      url: `/api/users/${bergenTracer.id}/reactivate`,
      payload: { version: before.version },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ roles: ['tracer'], status: 'active', version: before.version + 1 })
  })
})

describe('listing', () => {
  it('pages and filters by role and text', async () => {
    const page1 = (await adminOslo.inject({ url: '/api/users?pageSize=2&page=1' })).json()
    const page2 = (await adminOslo.inject({ url: '/api/users?pageSize=2&page=2' })).json()
    expect(page1.items).toHaveLength(2)
    expect(page1.total).toBeGreaterThan(3)
    expect(page2.items[0].name >= page1.items[1].name).toBe(true)
    const admins = (await adminOslo.inject({ url: '/api/users?role=admin' })).json()
    expect(admins.items.map((u: { name: string }) => u.name)).toEqual(['Olga Admin'])
    const byName = (await adminOslo.inject({ url: '/api/users?q=tore' })).json()
    expect(byName.items.map((u: { name: string }) => u.name)).toEqual(['Tore Sporer'])
    const byPid = (await adminOslo.inject({ url: `/api/users?q=${tracerOslo.user.pid}` })).json()
    expect(byPid.items.map((u: { id: string }) => u.id)).toEqual([tracerOslo.user.id])
    expect(byPid.items[0].nationalIdMasked).toBe(`${tracerOslo.user.pid.slice(0, 6)}*****`)
  })
})

describe('access review', () => {
  it('lists grant history and downloads it as ; separated CSV with BOM, audited', async () => {
    const review = await adminOslo.inject({ url: '/api/access-review' })
    expect(review.statusCode).toBe(200)
    const body = review.json()
    expect(body.kommune).toEqual({ code: OSLO, name: 'Oslo' })
    const bjarne = body.items.filter((r: { userId: string }) => r.userId === bergenTracer.id)
    expect(bjarne.map((r: { revokeReason: string | null }) => r.revokeReason)).toEqual(['deactivated', null])
    expect(body.items.some((r: { name: string }) => r.name === 'Berit Admin')).toBe(false)

    const csv = await adminOslo.inject({ url: '/api/access-review.csv' })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe('attachment; filename="tilgangsgjennomgang-0301.csv"')
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    const lines = csv.body.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      'Navn;Fødselsnummer;Rolle;Gyldig fra;Gyldig til;Tildelt;Tildelt av;Trukket tilbake;Trukket tilbake av;Årsak',
    )
    const row = lines.find((l) => l.startsWith('Bjarne Bergen;') && l.endsWith(';Deaktivert'))!
    const cells = row.split(';')
    expect(cells.slice(0, 3)).toEqual([
      'Bjarne Bergen',
      `${bergenTracer.pid.slice(0, 6)}*****`,
      'Kommunebruker',
    ])
    expect(cells[3]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/)
    expect(cells[6]).toBe('Olga Admin')
    expect(cells[8]).toBe('Olga Admin')
    expect(await auditRows(OSLO, 'user.access-review.export')).toHaveLength(1)
  })

  it('filters by period and refuses a period that ends before it starts', async () => {
    const past = (await adminOslo.inject({ url: '/api/access-review?from=2000-01-01&to=2000-12-31' })).json()
    expect(past.items).toEqual([])
    const bad = await adminOslo.inject({ url: '/api/access-review?from=2024-02-01&to=2024-01-01' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([
      { path: 'querystring.to', message: 'Til-datoen kan ikke være før fra-datoen' },
    ])
  })

  it('is for Administrators only', async () => {
    expect((await tracerOslo.inject({ url: '/api/access-review' })).statusCode).toBe(403)
    expect((await tracerOslo.inject({ url: '/api/access-review.csv' })).statusCode).toBe(403)
  })
})
