import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  fieldErrors,
  newPerson,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

const addOne = (caseId: string, payload: Record<string, unknown>, who = f.oslo) =>
  who.inject({ method: 'POST', url: `/api/cases/${caseId}/contacts`, payload })

describe('POST /api/cases/{id}/contacts', () => {
  it('401, 400 per field, 404 for a case of another municipality', async () => {
    const c = await createCase(f.oslo)
    const url = `/api/cases/${c.id}/contacts`
    expect((await f.anon({ method: 'POST', url, payload: {} })).statusCode).toBe(401)
    const bad = await addOne(c.id, {
      person: newPerson(),
      relation: 'neighbour',
      exposureTypes: ['hug'],
      lastExposure: '2021-02-30',
    })
    expect(fieldErrors(bad.json())).toMatchObject({
      'body.relation': 'Velg relasjon fra listen',
      'body.exposureTypes.0': expect.any(String),
      'body.lastExposure': 'Datoen finnes ikke',
    })
    const foreign = await addOne(c.id, { person: newPerson(), lastExposure: day(-1) }, f.bergen)
    expect(foreign.statusCode).toBe(404)
  })

  it('400 for a future last exposure; a date before the infectious period is only a warning', async () => {
    const c = await createCase(f.oslo) // onset day -3: period from day -5
    const future = await addOne(c.id, { person: newPerson(), lastExposure: day(1) })
    expect(future.statusCode).toBe(400)
    expect(fieldErrors(future.json())).toEqual({
      'body.lastExposure': 'Siste eksponering kan ikke være fram i tid',
    })
    const early = await addOne(c.id, { person: newPerson(), relation: 'colleague', lastExposure: day(-8) })
    expect(early.statusCode).toBe(201)
    expect(early.json().items[0]).toMatchObject({
      row: 0,
      created: true,
      personCreated: true,
      warnings: [{ path: 'body.lastExposure', code: 'before-period' }],
    })
  })

  it('refuses the index case person as its own contact', async () => {
    const c = await createCase(f.oslo)
    const res = await addOne(c.id, { person: { personId: c.person.id }, lastExposure: day(-1) })
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(res.json())).toEqual({
      'body.person': 'Indekstilfellet kan ikke være nærkontakt til seg selv',
    })
  })

  it('registering the same person again updates the link and keeps the latest exposure', async () => {
    const c = await createCase(f.oslo)
    const person = newPerson()
    const first = await addContact(f.oslo, c.id, {
      person,
      lastExposure: day(-2),
      exposureTypes: ['close_15min'],
      household: true,
    })
    const again = await addOne(c.id, {
      person: { ...person, firstName: 'Samme' },
      lastExposure: day(-4),
      exposureTypes: ['physical'],
      notes: 'Møttes også på trening',
    })
    expect(again.json().items[0]).toMatchObject({
      contactId: first.contactId,
      created: false,
      personCreated: false,
    })
    const detail = (await f.oslo.inject({ url: `/api/contacts/${first.contactId}` })).json()
    expect(detail).toMatchObject({
      lastExposure: day(-2),
      exposureTypes: ['close_15min', 'physical'],
      household: true,
      notes: 'Møttes også på trening',
      version: 2,
    })
    const caseView = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    expect(caseView.contacts).toHaveLength(1)
  })
})

describe('POST /api/cases/{id}/contacts/batch (line-listing grid)', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      person: newPerson({ phone: `9000000${i}` }),
      relation: 'classmate',
      exposureSetting: 'school',
      exposureTypes: ['close_15min'],
      lastExposure: day(-2),
    }))

  it('all or nothing: a bad row 5 writes nothing, and the error names row 5’s field', async () => {
    const c = await createCase(f.oslo)
    const payload = rows(7)
    payload[5]!.lastExposure = day(2)
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts/batch`,
      payload: { rows: payload },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      code: 'validation',
      title: 'Noen rader har feil – ingenting er lagret',
      errors: [{ path: 'body.rows.5.lastExposure', message: 'Siste eksponering kan ikke være fram i tid' }],
      duplicates: [],
    })
    const caseView = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    expect(caseView.contacts).toEqual([])
    const persons = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('persons')
        .select('id')
        .where(
          'national_id',
          'in',
          payload.map((r) => r.person.nationalId),
        )
        .execute(),
    )
    expect(persons).toEqual([])
  })

  it('schema errors of several rows come back together, per row index', async () => {
    const c = await createCase(f.oslo)
    const payload: Record<string, unknown>[] = rows(4)
    payload[1] = { ...payload[1], relation: 'pet' }
    payload[3] = { ...payload[3], person: { lastName: 'Uten fornavn' } }
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts/batch`,
      payload: { rows: payload },
    })
    expect(res.statusCode).toBe(400)
    const paths = Object.keys(fieldErrors(res.json()))
    expect(paths).toContain('body.rows.1.relation')
    expect(paths.some((p) => p.startsWith('body.rows.3.person'))).toBe(true)
  })

  it('409 with duplicate candidates per row; nothing is written; picking the candidate saves', async () => {
    const c = await createCase(f.oslo)
    const existing = await f.oslo.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'Ingrid', lastName: 'Kristiansen', birthDate: '1988-04-12', confirmNew: true },
    })
    const payload: Record<string, unknown>[] = rows(3)
    payload[2] = {
      ...payload[2],
      person: { firstName: 'Ingrid', lastName: 'Kristiansen', birthDate: '1988-04-12' },
    }
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts/batch`,
      payload: { rows: payload },
    })
    expect(res.statusCode).toBe(409)
    const body = res.json()
    expect(body.code).toBe('possible-duplicates')
    expect(body.errors).toEqual([
      { path: 'body.rows.2.person', message: expect.stringMatching(/^Personen kan allerede/) },
    ])
    expect(body.duplicates).toEqual([
      {
        row: 2,
        candidates: [expect.objectContaining({ id: existing.json().person.id, firstName: 'Ingrid' })],
      },
    ])
    expect((await f.oslo.inject({ url: `/api/cases/${c.id}` })).json().contacts).toEqual([])

    payload[2] = { ...payload[2], person: { personId: existing.json().person.id } }
    const ok = await f.oslo.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts/batch`,
      payload: { rows: payload },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().items[2]).toMatchObject({ personId: existing.json().person.id, personCreated: false })
  })

  it('saves ten rows in one go; the same person twice collapses into one contact', async () => {
    const c = await createCase(f.oslo)
    const payload = rows(10)
    payload[7] = { ...payload[7]!, person: { ...payload[2]!.person }, lastExposure: day(-1) }
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts/batch`,
      payload: { rows: payload },
    })
    expect(res.statusCode).toBe(201)
    const items = res.json().items
    expect(items).toHaveLength(10)
    expect(items[7]).toMatchObject({ contactId: items[2].contactId, created: false })
    const contacts = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json().contacts
    expect(contacts).toHaveLength(9)
    const twice = contacts.find((t: { id: string }) => t.id === items[2].contactId)
    expect(twice).toMatchObject({ lastExposure: day(-1), relation: 'classmate', exposureSetting: 'school' })
    const created = await auditRows(f, '0301', { action: 'contact.create' })
    expect(
      created.filter((r) => r.payload.details && (r.payload.details as { caseId: string }).caseId === c.id),
    ).toHaveLength(9)
  })
})

describe('GET and PATCH /api/contacts/{id}', () => {
  it('401, 404 across municipalities, 200 with the index case and period, audited as a read', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id, { lastExposure: day(-1) })
    const url = `/api/contacts/${t.contactId}`
    expect((await f.anon({ url })).statusCode).toBe(401)
    expect((await f.bergen.inject({ url })).statusCode).toBe(404)
    const res = await f.oslo.inject({ url })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      id: t.contactId,
      caseId: c.id,
      status: 'active',
      notifiedAt: null,
      indexCase: { id: c.id, person: { id: c.person.id }, infectiousPeriod: { start: day(-5) } },
      warnings: [],
    })
    const reads = await auditRows(f, '0301', { action: 'contact.read', recordId: t.contactId })
    expect(reads.map((r) => r.person_id)).toEqual([t.personId])
  })

  it('saves with the version, refuses a stale version (409 with current) and manual became_case', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id)
    const url = `/api/contacts/${t.contactId}`
    expect((await f.bergen.inject({ method: 'PATCH', url, payload: { version: 1 } })).statusCode).toBe(404)
    const ok = await f.oslo.inject({
      method: 'PATCH',
      url,
      payload: { version: 1, status: 'finished', symptoms: 'Hoste' },
    })
    expect(ok.json()).toMatchObject({ status: 'finished', symptoms: 'Hoste', version: 2 })
    const stale = await f.oslo2.inject({
      method: 'PATCH',
      url,
      payload: { version: 1, status: 'not_contact' },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ status: 'finished', version: 2 })
    const manual = await f.oslo.inject({
      method: 'PATCH',
      url,
      payload: { version: 2, status: 'became_case' },
    })
    expect(fieldErrors(manual.json())).toEqual({
      'body.status': 'Velg aktiv, avsluttet eller ikke nærkontakt',
    })
    const future = await f.oslo.inject({
      method: 'PATCH',
      url,
      payload: { version: 2, lastExposure: day(3) },
    })
    expect(fieldErrors(future.json())['body.lastExposure']).toMatch(/kan ikke være fram i tid/)
    const [row] = await auditRows(f, '0301', { action: 'contact.update', recordId: t.contactId })
    expect(row?.payload.changes).toEqual([
      { field: 'symptoms', before: null, after: 'Hoste' },
      { field: 'status', before: 'active', after: 'finished' },
    ])
  })

  it('marks notified by the acting user; refuses a future date; null clears', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id)
    const url = `/api/contacts/${t.contactId}/notified`
    expect(
      (await f.bergen.inject({ method: 'POST', url, payload: { notifiedAt: day(0), version: 1 } }))
        .statusCode,
    ).toBe(404)
    const future = await f.oslo.inject({ method: 'POST', url, payload: { notifiedAt: day(1), version: 1 } })
    expect(fieldErrors(future.json())['body.notifiedAt']).toMatch(/^Varslingsdato kan ikke være fram i tid/)
    const ok = await f.oslo2.inject({ method: 'POST', url, payload: { notifiedAt: day(0), version: 1 } })
    expect(ok.json()).toMatchObject({
      notifiedAt: day(0),
      notifiedBy: { id: f.oslo2.user.id, name: 'Per Sporer' },
    })
    const cleared = await f.oslo.inject({ method: 'POST', url, payload: { notifiedAt: null, version: 2 } })
    expect(cleared.json()).toMatchObject({ notifiedAt: null, notifiedBy: null, version: 3 })
  })
})

describe('POST /api/contacts/{id}/convert-to-case', () => {
  it('401, 400, 404; creates the case from the contact and keeps the contact history; a second call 409', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id, {
      exposureSetting: 'household',
      relation: 'household',
      lastExposure: day(-2),
    })
    const url = `/api/contacts/${t.contactId}/convert-to-case`
    const body = { testDate: day(0), testType: 'antigen', symptomatic: true, onsetDate: day(-1), version: 1 }
    expect((await f.anon({ method: 'POST', url, payload: body })).statusCode).toBe(401)
    const bad = await f.oslo.inject({ method: 'POST', url, payload: { ...body, testDate: day(1) } })
    expect(fieldErrors(bad.json())['body.testDate']).toMatch(/^Testdato kan ikke være fram i tid/)
    expect((await f.bergen.inject({ method: 'POST', url, payload: body })).statusCode).toBe(404)

    const res = await f.oslo.inject({ method: 'POST', url, payload: body })
    expect(res.statusCode).toBe(201)
    const created = res.json()
    expect(created).toMatchObject({
      person: { id: t.personId },
      sourceContactId: t.contactId,
      infectionSource: 'contact',
      exposureSetting: 'household',
      testDate: day(0),
      testType: 'antigen',
      status: 'open',
      warnings: [],
    })
    const contact = (await f.oslo.inject({ url: `/api/contacts/${t.contactId}` })).json()
    expect(contact).toMatchObject({
      status: 'became_case',
      becameCaseId: created.id,
      lastExposure: day(-2),
      relation: 'household',
      caseId: c.id,
    })
    const index = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    expect(index.contacts[0]).toMatchObject({
      id: t.contactId,
      status: 'became_case',
      becameCaseId: created.id,
    })

    const again = await f.oslo.inject({ method: 'POST', url, payload: { ...body, version: 2 } })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'already-converted', caseId: created.id })
    const actions = (await auditRows(f, '0301', { recordId: t.contactId })).map((r) => r.action)
    expect(actions).toContain('contact.convert')
    const caseAudit = await auditRows(f, '0301', { action: 'case.create', recordId: created.id })
    expect(caseAudit[0]?.payload.details).toEqual({ fromContactId: t.contactId })
  })

  it('409 with the current contact for a stale version; nothing is created', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id)
    await f.oslo.inject({
      method: 'PATCH',
      url: `/api/contacts/${t.contactId}`,
      payload: { version: 1, notes: 'x' },
    })
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/contacts/${t.contactId}/convert-to-case`,
      payload: { testDate: day(0), version: 1 },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().current).toMatchObject({ id: t.contactId, version: 2, status: 'active' })
    const cases = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('cases').select('id').where('person_id', '=', t.personId).execute(),
    )
    expect(cases).toEqual([])
  })
})
