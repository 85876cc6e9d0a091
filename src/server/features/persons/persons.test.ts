import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { syntheticNationalId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'

let t: Awaited<ReturnType<typeof buildTestApp>>
let oslo: LoggedIn
let oslo2: LoggedIn
let bergen: LoggedIn
let report: LoggedIn

beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, '0301')
  await activateKommune(t.db.db, '4601')
  oslo = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }))
  oslo2 = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'admin', kommune: '0301' }] }))
  bergen = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '4601' }] }))
  report = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'report', kommune: '0301' }] }))
})
afterAll(() => t.close())

let births = 0
/**
 * POST /api/persons. A national id or a birth date is required (issue 17): a payload with
 * neither gets a distinct birth date (so it never makes two persons look alike).
 */
const create = (who: LoggedIn, payload: Record<string, unknown>) =>
  who.inject({
    method: 'POST',
    url: '/api/persons',
    payload:
      payload.nationalId || payload.birthDate || payload.noBirthDate
        ? (({ noBirthDate: _, ...p }) => p)(payload)
        : {
            ...payload,
            birthDate: new Date(Date.UTC(1940, 0, 1 + 97 * ++births)).toISOString().slice(0, 10),
          },
  })

describe('POST /api/persons', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'A', lastName: 'B' },
    })
    expect(res.statusCode).toBe(401)
  })

  it('400 with Norwegian messages per field', async () => {
    const res = await create(oslo, {
      firstName: '',
      lastName: 'Hansen',
      birthDate: '2021-02-30',
      email: 'nope',
      postcode: '12',
    })
    expect(res.statusCode).toBe(400)
    const paths = Object.fromEntries(
      res.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    )
    expect(paths['body.firstName']).toBe('Fornavn må fylles ut')
    expect(paths['body.birthDate']).toBe('Datoen finnes ikke')
    expect(paths['body.email']).toBe('Ugyldig e-postadresse')
    expect(paths['body.postcode']).toBe('Postnummer har fire siffer')
  })

  it('refuses bad and non-synthetic national ids in the test environment, saying why', async () => {
    const good = syntheticNationalId('1990-05-17', 0)
    const broken = `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}`
    const bad = await create(oslo, { firstName: 'Kari', lastName: 'Nordmann', nationalId: broken })
    expect(bad.json().errors).toEqual([
      {
        path: 'body.nationalId',
        message: 'Kontrollsifrene stemmer ikke – sjekk at nummeret er skrevet riktig',
      },
    ])
    const real = await create(oslo, { firstName: 'Kari', lastName: 'Nordmann', nationalId: '20036914700' })
    expect(real.statusCode).toBe(400)
    expect(real.json().errors[0].message).toMatch(/syntetiske/)
  })

  it('403 for a report user (no access to personal data)', async () => {
    expect((await create(report, { firstName: 'A', lastName: 'B' })).statusCode).toBe(403)
  })

  it('registers a person once: the same national id attaches the existing person', async () => {
    const nationalId = syntheticNationalId('1990-05-17', 3)
    const first = await create(oslo, {
      firstName: 'Kari',
      lastName: 'Nordmann',
      nationalId,
      phone: '+47 912 34 567',
    })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({
      created: true,
      person: { firstName: 'Kari', birthDate: '1990-05-17', idType: 'tnr', sex: null },
    })
    const again = await create(oslo2, {
      firstName: 'K',
      lastName: 'N',
      nationalId: `${nationalId.slice(0, 6)} ${nationalId.slice(6)}`,
    })
    expect(again.json()).toMatchObject({
      created: false,
      person: { id: first.json().person.id, firstName: 'Kari' },
    })
  })

  it('400 naming birthDate for a person with neither national id nor birth date', async () => {
    const res = await create(oslo, {
      firstName: 'Uten',
      lastName: 'Identitet',
      confirmNew: true,
      noBirthDate: true,
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().errors).toEqual([
      { path: 'body.birthDate', message: 'Fyll inn fødselsdato når personen ikke har fødselsnummer' },
    ])
  })

  it('derives the birth date of a 2032-rule national id (06819048027 → 1990-01-06)', async () => {
    const res = await create(oslo, { firstName: 'Ny', lastName: 'Regel', nationalId: '06819048027' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().person.birthDate).toBe('1990-01-06')
  })

  it('422 when the municipality is not activated', async () => {
    await t.db.db.updateTable('org_units').set({ status: 'inactive' }).where('code', '=', '0301').execute()
    const res = await create(oslo, { firstName: 'A', lastName: 'B', confirmNew: true })
    await activateKommune(t.db.db, '0301')
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('kommune-inactive')
  })
})

describe('one register across municipalities', () => {
  let personId: string
  const nationalId = syntheticNationalId('1985-11-02', 1)

  beforeAll(async () => {
    personId = (
      await create(oslo, { firstName: 'Lars', lastName: 'Berg', nationalId, street: 'Storgata 1' })
    ).json().person.id
  })

  it('another municipality cannot read, change, search or list the person', async () => {
    expect((await bergen.inject({ url: `/api/persons/${personId}` })).statusCode).toBe(404)
    const patch = await bergen.inject({
      method: 'PATCH',
      url: `/api/persons/${personId}`,
      payload: { version: 1, phone: '1' },
    })
    expect(patch.statusCode).toBe(404)
    const search = await bergen.inject({ url: '/api/persons?q=Lars%20Berg' })
    expect(search.json().items).toEqual([])
    const byId = await bergen.inject({ url: `/api/persons?q=${nationalId}` })
    expect(byId.json().items).toEqual([])
    const sugg = await bergen.inject({
      url: '/api/persons/duplicate-suggestions?firstName=Lars&lastName=Berg&birthDate=1985-11-02',
    })
    expect(sugg.json().items).toEqual([])
  })

  it('exact national-id lookup tells only that and where the person is followed up', async () => {
    const res = await bergen.inject({ method: 'POST', url: '/api/persons/lookup', payload: { nationalId } })
    expect(res.json()).toEqual({
      status: 'elsewhere',
      personId: null,
      kommune: '0301',
      kommuneName: 'Oslo',
      followedUp: false,
      firstName: null,
      lastName: null,
      birthDate: null,
    })
    const own = await oslo.inject({ method: 'POST', url: '/api/persons/lookup', payload: { nationalId } })
    expect(own.json()).toMatchObject({ status: 'own', personId, firstName: 'Lars', lastName: 'Berg' })
    expect(own.json().birthDate).toBe('1985-11-02')
  })

  it('registering the same national id in another municipality links, never duplicates', async () => {
    const res = await create(bergen, { firstName: 'Lars', lastName: 'Berg', nationalId })
    expect(res.json()).toMatchObject({
      created: false,
      person: { id: personId, kommune: '0301', linked: true },
    })
    expect((await bergen.inject({ url: `/api/persons/${personId}` })).statusCode).toBe(200)
    const count = await t.db.db.transaction().execute(async (trx) => {
      await sql`select set_config('app.kommune', '0301', true)`.execute(trx)
      return trx
        .selectFrom('persons')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('national_id', '=', nationalId)
        .executeTakeFirstOrThrow()
    })
    expect(count.n).toBe(1)
  })

  it('row-level security hides other municipalities even from a query without a where clause', async () => {
    const rows = await inTenant(t.db.db, { kommune: '4601' }, (trx) =>
      trx.selectFrom('persons').select(['id', 'kommune']).execute(),
    )
    expect(rows.every((r) => r.kommune === '4601' || r.id === personId)).toBe(true)
    expect(
      await inTenant(t.db.db, { kommune: null }, (trx) => trx.selectFrom('persons').select('id').execute()),
    ).toEqual([])
  })
})

describe('GET /api/persons search pages', () => {
  it('pages through every match once, in name order (keyset cursor)', async () => {
    const first = ['Aud', 'Bjørn', 'Cecilie', 'Dag', 'Eli']
    for (const f of first) {
      const res = await create(oslo, { firstName: f, lastName: 'Sidevisesen', confirmNew: true })
      expect(res.statusCode).toBeLessThan(300)
    }
    const seen: string[] = []
    let cursor: string | null = null
    for (let page = 0; page < 5; page++) {
      const url: string = `/api/persons?q=sidevisesen&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const body = (await oslo.inject({ url })).json()
      seen.push(...body.items.map((p: { firstName: string }) => p.firstName))
      cursor = body.nextCursor
      if (!cursor) break
    }
    expect(seen).toEqual(first)
  })
  it('lists surname matches first, then first-name matches, then other fuzzy matches, paging across tiers', async () => {
    const people = [
      ['Tierbert', 'Nilsen'], // tier 1: "first last" starts with the query
      ['Ola', 'Tierbertsen'], // tier 0: "last first" starts with it
      ['Kari', 'Tierbertsen'],
      ['Anne', 'Tierbert'],
      ['Per', 'Tiebert'], // tier 2: trigram similar (a misspelling)
      ['Lise', 'Stierbert'], // tier 2: contains the query
    ]
    for (const [firstName, lastName] of people) {
      const res = await create(oslo, { firstName, lastName, confirmNew: true })
      expect(res.statusCode).toBeLessThan(300)
    }
    const names: string[] = []
    let cursor: string | null = null
    for (let page = 0; page < 6 && (page === 0 || cursor); page++) {
      const url: string = `/api/persons?q=tierbert&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const body = (await oslo.inject({ url })).json()
      names.push(
        ...body.items.map((p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`),
      )
      cursor = body.nextCursor
    }
    expect(names).toEqual([
      'Anne Tierbert',
      'Kari Tierbertsen',
      'Ola Tierbertsen',
      'Tierbert Nilsen',
      'Lise Stierbert',
      'Per Tiebert',
    ])
  })

  it('treats % and _ in the query as letters, not patterns', async () => {
    await create(oslo, { firstName: 'Prosent', lastName: 'Mønstersen', confirmNew: true })
    const body = (await oslo.inject({ url: `/api/persons?q=${encodeURIComponent('m_nst%')}` })).json()
    expect(body.items).toEqual([])
  })

  it('refuses a cursor that is not one of its own', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ t: 7, k: 'x', id: '00000000-0000-0000-0000-000000000000' }),
    ).toString('base64url')
    const res = await oslo.inject({ url: `/api/persons?q=ola&cursor=${cursor}` })
    expect(res.statusCode).toBe(400)
  })
})

describe('duplicate suggestions and confirmation', () => {
  it('suggests similar names with the same birth date while typing', async () => {
    await create(oslo, {
      firstName: 'Ingrid',
      lastName: 'Solberg',
      birthDate: '1970-02-03',
      phone: '41234567',
      confirmNew: true,
    })
    const res = await oslo.inject({
      url: '/api/persons/duplicate-suggestions?firstName=Ingri&lastName=Solbeg&birthDate=1970-02-03',
    })
    const [top] = res.json().items
    expect(top).toMatchObject({ firstName: 'Ingrid', lastName: 'Solberg' })
    expect(top.reasons).toEqual(['name', 'birthDate'])
  })

  it('409 with candidates for a likely duplicate, created after "ny person" is confirmed', async () => {
    const input = { firstName: 'Ingrid', lastName: 'Solberg', birthDate: '1970-02-03' }
    const res = await create(oslo, input)
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      code: 'possible-duplicates',
      candidates: [{ firstName: 'Ingrid', lastName: 'Solberg' }],
    })
    const ok = await create(oslo, { ...input, confirmNew: true })
    expect(ok.json().created).toBe(true)
  })

  it('lists likely duplicate pairs', async () => {
    const res = await oslo.inject({ url: '/api/persons/duplicates' })
    const pair = res.json().items.find((p: { a: { lastName: string } }) => p.a.lastName === 'Solberg')
    expect(pair.reasons).toContain('birthDate')
  })
})

describe('editing with optimistic locking', () => {
  it('a stale version gets 409 with the current values; nothing is overwritten', async () => {
    const p = (await create(oslo, { firstName: 'Tone', lastName: 'Lie', confirmNew: true })).json().person
    const a = await oslo.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}`,
      payload: { version: p.version, phone: '90000001' },
    })
    expect(a.json()).toMatchObject({ phone: '90000001', version: p.version + 1 })
    const b = await oslo2.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}`,
      payload: { version: p.version, phone: '90000002' },
    })
    expect(b.statusCode).toBe(409)
    expect(b.json().current).toMatchObject({ phone: '90000001', version: p.version + 1 })
    const audit = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('payload')
        .where('record_id', '=', p.id)
        .where('action', '=', 'person.update')
        .execute(),
    )
    expect((audit[0]!.payload as { changes: unknown[] }).changes).toEqual([
      { field: 'phone', before: null, after: '90000001' },
    ])
  })
})

describe('protected address', () => {
  it('is hidden until revealed with a reason, which is audited', async () => {
    const p = (
      await create(oslo, {
        firstName: 'Skjult',
        lastName: 'Person',
        street: 'Hemmelig vei 2',
        postcode: '0150',
        protectedAddress: 'strengt_fortrolig',
        confirmNew: true,
      })
    ).json().person
    expect(p).toMatchObject({
      street: null,
      postcode: null,
      addressHidden: true,
      protectedAddress: 'strengt_fortrolig',
    })
    const noReason = await oslo.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/reveal-address`,
      payload: { reason: '' },
    })
    expect(noReason.statusCode).toBe(400)
    const shown = await oslo.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/reveal-address`,
      payload: { reason: 'Må levere vedtak' },
    })
    expect(shown.json()).toMatchObject({ street: 'Hemmelig vei 2', addressHidden: false })
    const row = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('payload')
        .where('action', '=', 'person.reveal-address')
        .where('record_id', '=', p.id)
        .executeTakeFirstOrThrow(),
    )
    expect(row.payload).toMatchObject({ reason: 'Må levere vedtak', personId: p.id })
    await oslo.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}`,
      payload: { version: p.version, street: 'Ny hemmelig vei 3' },
    })
    const upd = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('payload')
        .where('action', '=', 'person.update')
        .where('record_id', '=', p.id)
        .executeTakeFirstOrThrow(),
    )
    expect(JSON.stringify(upd.payload)).not.toContain('hemmelig')
  })
})

describe('merge', () => {
  it('moves cases and collapses two contact links to the same case, keeping the latest exposure', async () => {
    const k = '0301'
    const a = (
      await create(oslo, { firstName: 'Nils', lastName: 'Dahl', birthDate: '2000-01-01', confirmNew: true })
    ).json().person
    const b = (
      await create(oslo, { firstName: 'Nils', lastName: 'Dal', phone: '98765432', confirmNew: true })
    ).json().person
    const index = (await create(oslo, { firstName: 'Indeks', lastName: 'Person', confirmNew: true })).json()
      .person
    const ids = await inTenant(t.db.db, { kommune: k }, async (trx) => {
      const c = await trx
        .insertInto('cases')
        .values({ kommune: k, owner_unit: k, person_id: index.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      const own = await trx
        .insertInto('cases')
        .values({ kommune: k, owner_unit: k, person_id: b.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('contacts')
        .values({ kommune: k, owner_unit: k, person_id: a.id, case_id: c.id, last_exposure: '2021-03-01' })
        .execute()
      await trx
        .insertInto('contacts')
        .values({
          kommune: k,
          owner_unit: k,
          person_id: b.id,
          case_id: c.id,
          last_exposure: '2021-03-04',
          household: true,
        })
        .execute()
      return { caseId: c.id, ownCase: own.id }
    })
    const res = await oslo.inject({
      method: 'POST',
      url: '/api/persons/merge',
      payload: {
        survivorId: a.id,
        mergedId: b.id,
        survivorVersion: a.version,
        mergedVersion: b.version,
        choices: { lastName: 'survivor' },
      },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      id: a.id,
      lastName: 'Dahl',
      phone: '98765432',
      birthDate: '2000-01-01',
    })
    const after = await inTenant(t.db.db, { kommune: k }, async (trx) => ({
      contacts: await trx
        .selectFrom('contacts')
        .select(['person_id', 'last_exposure', 'household'])
        .where('case_id', '=', ids.caseId)
        .execute(),
      ownCase: await trx
        .selectFrom('cases')
        .select('person_id')
        .where('id', '=', ids.ownCase)
        .executeTakeFirstOrThrow(),
      merged: await trx
        .selectFrom('persons')
        .select('merged_into')
        .where('id', '=', b.id)
        .executeTakeFirstOrThrow(),
    }))
    expect(after.contacts).toEqual([{ person_id: a.id, last_exposure: '2021-03-04', household: true }])
    expect(after.ownCase.person_id).toBe(a.id)
    expect(after.merged.merged_into).toBe(a.id)
    expect((await oslo.inject({ url: `/api/persons/${b.id}` })).statusCode).toBe(404)
  })

  it('refuses two persons with different national ids', async () => {
    const a = (
      await create(oslo, { firstName: 'X', lastName: 'Y', nationalId: syntheticNationalId('1961-01-01', 0) })
    ).json().person
    const b = (
      await create(oslo, { firstName: 'X', lastName: 'Y', nationalId: syntheticNationalId('1961-01-01', 1) })
    ).json().person
    const res = await oslo.inject({
      method: 'POST',
      url: '/api/persons/merge',
      payload: { survivorId: a.id, mergedId: b.id, survivorVersion: 1, mergedVersion: 1 },
    })
    expect(res.statusCode).toBe(422)
  })
})
