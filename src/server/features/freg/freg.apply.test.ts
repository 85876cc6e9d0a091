import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { FREG_IDS } from '../../fakes/freg'
import type { LoggedIn } from '../../test/factories'
import { fregAuditRows, fregTwoKommuner } from './test-support'

/**
 * Refresh (preview) and apply on the person page: the tracer sees what would change, confirms,
 * and the person records that the data came from FREG and when. Cross-municipality: 404.
 */
let f: Awaited<ReturnType<typeof fregTwoKommuner>>
let t: Awaited<ReturnType<typeof fregTwoKommuner>>['t']
let oslo: LoggedIn
let bergen: LoggedIn

beforeAll(async () => {
  f = await fregTwoKommuner()
  ;({ t, oslo, bergen } = f)
})
afterAll(() => f.close())

async function createPerson(who: LoggedIn, payload: Record<string, unknown>) {
  const res = await who.inject({
    method: 'POST',
    url: '/api/persons',
    payload: { confirmNew: true, ...payload },
  })
  expect(res.statusCode).toBe(200)
  return res.json().person as { id: string; version: number }
}

const refresh = (who: LoggedIn, id: string) =>
  who.inject({ method: 'POST', url: `/api/persons/${id}/freg-refresh` })
const apply = (who: LoggedIn, id: string, payload: unknown) =>
  who.inject({ method: 'POST', url: `/api/persons/${id}/freg-apply`, payload })

describe('POST /api/persons/:id/freg-refresh', () => {
  it('401 without a session, 400 for a bad id, 404 across municipalities', async () => {
    const p = await createPerson(oslo, {
      firstName: 'Stille',
      lastName: 'Ugle',
      nationalId: FREG_IDS.strengtFortrolig,
    })
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/persons/${p.id}/freg-refresh` })).statusCode,
    ).toBe(401)
    expect((await refresh(oslo, 'not-a-uuid')).statusCode).toBe(400)
    const other = await refresh(bergen, p.id)
    expect(other.statusCode).toBe(404)
    expect(other.json().code).toBe('not-found')
  })

  it('422 when the person has no national id', async () => {
    const p = await createPerson(oslo, { firstName: 'Uten', lastName: 'Nummer', birthDate: '1970-01-01' })
    expect((await refresh(oslo, p.id)).json().code).toBe('freg-no-national-id')
  })

  it('previews field by field what FREG would change; nothing is saved', async () => {
    const p = await createPerson(oslo, {
      firstName: 'Flyttende',
      lastName: 'Bie',
      nationalId: FREG_IDS.addressHistory,
      street: 'Markveien 35',
      postcode: '0554',
      place: 'Oslo',
      residenceKommune: '0301',
    })
    const res = await refresh(oslo, p.id)
    expect(res.statusCode).toBe(200)
    const changes = Object.fromEntries(
      res.json().changes.map((c: { field: string }) => [c.field, c]),
    ) as Record<string, { current: string | null; freg: string | null; changed: boolean }>
    expect(changes.lastName).toEqual({ field: 'lastName', current: 'Bie', freg: 'Maur', changed: true })
    expect(changes.firstName?.changed).toBe(false)
    expect(changes.street).toMatchObject({
      current: 'Markveien 35',
      freg: 'Thorvald Meyers gate 70A',
      changed: true,
    })
    expect(changes.residenceKommune?.changed).toBe(false)
    expect(changes.birthDate).toMatchObject({ current: '1995-06-15', freg: '1995-06-15', changed: false })
    const stored = (await oslo.inject({ url: `/api/persons/${p.id}` })).json()
    expect(stored).toMatchObject({ lastName: 'Bie', fregFetchedAt: null, version: p.version })
    expect((await fregAuditRows(t.db.db, '0301')).at(-1)).toMatchObject({
      record_id: FREG_IDS.addressHistory,
      person_id: p.id,
      payload: { outcome: 'ok' },
    })
  })
})

describe('POST /api/persons/:id/freg-apply', () => {
  it('saves the chosen fields and records that they came from FREG and when', async () => {
    const p = await createPerson(oslo, { firstName: 'Lyse', lastName: 'Hest', nationalId: FREG_IDS.ordinary })
    const preview = (await refresh(oslo, p.id)).json()
    const res = await apply(oslo, p.id, {
      version: p.version,
      receipt: preview.receipt,
      fields: ['firstName', 'lastName', 'street', 'postcode', 'place', 'residenceKommune', 'sex'],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      firstName: 'Lyseblå',
      lastName: 'Sjøhest',
      sex: 'female',
      street: 'Storgata 12B',
      postcode: '0184',
      place: 'Oslo',
      residenceKommune: '0301',
      fregFetchedAt: preview.fetchedAt,
      version: p.version + 1,
    })
    const row = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('persons')
        .select(['freg_status', 'freg_fetched_at'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow(),
    )
    expect(row.freg_status).toBe('bosatt')
    const audit = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('payload')
        .where('action', '=', 'person.update')
        .where('record_id', '=', p.id)
        .executeTakeFirstOrThrow(),
    )
    expect(audit.payload).toMatchObject({
      details: { source: 'folkeregister', fetchedAt: preview.fetchedAt },
    })
    expect((audit.payload as { changes: { field: string }[] }).changes.map((c) => c.field)).toContain(
      'last_name',
    )
  })

  it('a protected person gets the level, and the stored address is removed — even if not chosen', async () => {
    const p = await createPerson(oslo, {
      firstName: 'Skjult',
      lastName: 'Rev',
      nationalId: FREG_IDS.fortrolig,
      street: 'Gammel adresse 1',
      postcode: '0150',
      residenceKommune: '0301',
    })
    const preview = (await refresh(oslo, p.id)).json()
    const protection = preview.changes.find((c: { field: string }) => c.field === 'protectedAddress')
    expect(protection).toMatchObject({ current: 'none', freg: 'fortrolig', changed: true })
    const res = await apply(oslo, p.id, { version: p.version, receipt: preview.receipt, fields: [] })
    expect(res.json()).toMatchObject({ protectedAddress: 'fortrolig', addressHidden: true, street: null })
    const row = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('persons')
        .select(['street', 'postcode', 'residence_kommune', 'protected_address'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow(),
    )
    expect(row).toEqual({
      street: null,
      postcode: null,
      residence_kommune: null,
      protected_address: 'fortrolig',
    })
    const audit = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('payload')
        .where('action', '=', 'person.update')
        .where('record_id', '=', p.id)
        .executeTakeFirstOrThrow(),
    )
    expect(JSON.stringify(audit.payload)).not.toContain('Gammel adresse')
  })

  it('a receipt from a lookup works for a person just registered with the looked-up values', async () => {
    const found = (
      await oslo.inject({
        method: 'POST',
        url: '/api/freg/lookup',
        payload: { nationalId: FREG_IDS.deceased },
      })
    ).json()
    const p = await createPerson(oslo, {
      nationalId: found.person.nationalId,
      firstName: found.person.firstName,
      lastName: found.person.lastName,
      birthDate: found.person.birthDate,
    })
    const res = await apply(oslo, p.id, { version: p.version, receipt: found.receipt, fields: ['street'] })
    expect(res.json()).toMatchObject({
      firstName: 'Gammel Trær',
      street: 'Kirkeveien 101',
      fregFetchedAt: found.fetchedAt,
    })
  })

  it('refuses a tampered receipt, one for another person, and another municipality’s (422)', async () => {
    const p = await createPerson(oslo, {
      firstName: 'Rolig',
      lastName: 'Traktor',
      nationalId: FREG_IDS.dNumber,
    })
    const preview = (await refresh(oslo, p.id)).json()
    const [payload, mac] = preview.receipt.split('.')
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString())
    forged.person.lastName = 'Forfalsket'
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`
    expect(
      (await apply(oslo, p.id, { version: p.version, receipt: tampered, fields: ['lastName'] })).json().code,
    ).toBe('freg-receipt-invalid')
    const other = await createPerson(oslo, {
      firstName: 'Annen',
      lastName: 'Person',
      nationalId: FREG_IDS.emigrated,
    })
    const wrong = await apply(oslo, other.id, {
      version: other.version,
      receipt: preview.receipt,
      fields: ['lastName'],
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().detail).toMatch(/annet fødselsnummer/)
    const bergenPerson = await createPerson(bergen, {
      firstName: 'B',
      lastName: 'B',
      nationalId: FREG_IDS.cadastral,
    })
    const elsewhere = await apply(bergen, bergenPerson.id, {
      version: 1,
      receipt: preview.receipt,
      fields: [],
    })
    expect(elsewhere.json().code).toBe('freg-receipt-invalid')
  })

  it('404 for another municipality’s person, 409 on a stale version, 400 on unknown fields', async () => {
    const p = await createPerson(oslo, {
      firstName: 'Stødig',
      lastName: 'Fjellrev',
      nationalId: FREG_IDS.flaky,
    })
    const preview = (await refresh(oslo, p.id)).json()
    expect(
      (await apply(bergen, p.id, { version: p.version, receipt: preview.receipt, fields: [] })).statusCode,
    ).toBe(404)
    const bad = await apply(oslo, p.id, { version: p.version, receipt: preview.receipt, fields: ['phone'] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toMatch(/^body\.fields/)
    await oslo.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}`,
      payload: { version: p.version, phone: '90000000' },
    })
    const stale = await apply(oslo, p.id, {
      version: p.version,
      receipt: preview.receipt,
      fields: ['lastName'],
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ phone: '90000000', lastName: 'Fjellrev' })
  })
})
