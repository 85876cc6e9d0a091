import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { addContact, auditRows, createCase, day, fieldErrors, newPerson } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'

let f: MeasuresFixture
beforeAll(async () => {
  f = await measuresFixture()
})
afterAll(() => f.t.close())

const send = (payload: Record<string, unknown>, who = f.oslo) =>
  who.inject({ method: 'POST', url: '/api/transfers', payload })
const decide = (
  id: string,
  action: 'accept' | 'reject' | 'cancel',
  payload: Record<string, unknown>,
  who = f.bergen,
) => who.inject({ method: 'POST', url: `/api/transfers/${id}/${action}`, payload })

/** Everything of a municipality's own rows touching a person, read as that municipality. */
const rowsOf = (kommune: string, personId: string) =>
  inTenant(f.t.db.db, { kommune }, async (trx) => ({
    persons: await trx.selectFrom('persons').select(['id', 'kommune']).where('id', '=', personId).execute(),
    cases: await trx
      .selectFrom('cases')
      .select(['id', 'kommune'])
      .where('person_id', '=', personId)
      .execute(),
    contacts: await trx
      .selectFrom('contacts')
      .select(['id', 'kommune', 'assigned_to'])
      .where('person_id', '=', personId)
      .execute(),
    measures: await trx
      .selectFrom('measures')
      .select(['id', 'kommune'])
      .where('person_id', '=', personId)
      .execute(),
    calls: await trx
      .selectFrom('followup_calls')
      .select(['id', 'kommune'])
      .where('person_id', '=', personId)
      .execute(),
    links: await trx
      .selectFrom('person_links')
      .select(['kommune'])
      .where('person_id', '=', personId)
      .execute(),
  }))

describe('POST /api/transfers', () => {
  it('401, 400 per field, 404 for a record of another municipality', async () => {
    expect((await f.anon({ method: 'POST', url: '/api/transfers', payload: {} })).statusCode).toBe(401)
    const bad = await send({ recordType: 'person', recordId: 'x', toKommune: 'Bergen', message: ' ' })
    expect(fieldErrors(bad.json())).toEqual({
      'body.recordType': 'Velg tilfelle eller nærkontakt',
      'body.recordId': 'Ugyldig id',
      'body.toKommune': 'Velg en kommune',
      'body.message': 'Skriv en melding til kommunen',
    })
    const bergenCase = await createCase(f.bergen)
    const t = await addContact(f.bergen, bergenCase.id)
    const cross = await send({
      recordType: 'contact',
      recordId: t.contactId,
      toKommune: '0301',
      message: 'Bor i Oslo',
    })
    expect(cross.statusCode).toBe(404)
    expect(
      (await send({ recordType: 'case', recordId: bergenCase.id, toKommune: '0301', message: 'x' }))
        .statusCode,
    ).toBe(404)
    expect(
      (
        await send(
          { recordType: 'contact', recordId: t.contactId, toKommune: '0301', message: 'x' },
          f.osloReport,
        )
      ).statusCode,
    ).toBe(403)
  })

  it('refuses its own municipality, an inactive one, a finished contact and a second pending transfer', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id)
    const own = await send({ recordType: 'contact', recordId: t.contactId, toKommune: '0301', message: 'x' })
    expect(fieldErrors(own.json())).toEqual({ 'body.toKommune': 'Velg en annen kommune enn din egen' })
    const inactive = await send({
      recordType: 'contact',
      recordId: t.contactId,
      toKommune: '5001',
      message: 'x',
    })
    expect(fieldErrors(inactive.json())['body.toKommune']).toMatch(/har ikke tatt i bruk Smittespor/)
    const first = await send({
      recordType: 'contact',
      recordId: t.contactId,
      toKommune: '4601',
      message: 'Bor i Bergen',
    })
    expect(first.statusCode).toBe(201)
    const second = await send({
      recordType: 'contact',
      recordId: t.contactId,
      toKommune: '4601',
      message: 'Igjen',
    })
    expect(second.statusCode).toBe(409)
    expect(second.json()).toMatchObject({ code: 'transfer-pending', transferId: first.json().id })
    const done = await addContact(f.oslo, c.id)
    await f.oslo.inject({
      method: 'PATCH',
      url: `/api/contacts/${done.contactId}`,
      payload: { status: 'finished', version: 1 },
    })
    const finished = await send({
      recordType: 'contact',
      recordId: done.contactId,
      toKommune: '4601',
      message: 'x',
    })
    expect(finished.statusCode).toBe(422)
  })
})

describe('accepting a contact transfer', () => {
  it('moves the contact, its quarantine and calls, and the person it was the only record of — nothing else', async () => {
    const c = await createCase(f.oslo)
    const other = await addContact(f.oslo, c.id)
    const { contact } = await quarantinedContact(f.oslo, c.id, day(-1))
    const personBefore = (await f.oslo.inject({ url: `/api/persons/${contact.personId}` })).json()
    const countsBefore = (await f.bergen.inject({ url: '/api/transfers/counts' })).json()
    const sent = await send({
      recordType: 'contact',
      recordId: contact.contactId,
      toKommune: '4601',
      message: 'Bor i Bergen, jobber i Oslo',
    })
    expect(sent.statusCode).toBe(201)
    const transfer = sent.json()
    expect(transfer).toMatchObject({
      direction: 'out',
      from: { code: '0301', name: 'Oslo' },
      to: { code: '4601', name: 'Bergen' },
      recordType: 'contact',
      recordId: contact.contactId,
      status: 'pending',
      summary: {
        firstName: personBefore.firstName,
        lastName: personBefore.lastName,
        birthDate: personBefore.birthDate,
        phone: personBefore.phone,
        exposureDate: day(-1),
        testDate: null,
      },
    })

    // The inbox: the minimum data, not the record.
    const inbox = (await f.bergen.inject({ url: '/api/transfers?box=inbox' })).json()
    const mine = inbox.items.find((x: { id: string }) => x.id === transfer.id)
    expect(mine).toMatchObject({
      direction: 'in',
      recordId: null,
      message: 'Bor i Bergen, jobber i Oslo',
      summary: transfer.summary,
    })
    expect(JSON.stringify(mine)).not.toContain(personBefore.nationalId)
    expect((await f.bergen.inject({ url: '/api/transfers/counts' })).json()).toEqual({
      inbox: countsBefore.inbox + 1,
      sent: 0,
    })
    expect((await f.bergen.inject({ url: `/api/contacts/${contact.contactId}` })).statusCode).toBe(404)
    expect((await f.bergen.inject({ url: `/api/persons/${contact.personId}` })).statusCode).toBe(404)

    expect((await decide(transfer.id, 'accept', { version: 1 }, f.oslo)).statusCode).toBe(403)
    expect((await decide(transfer.id, 'accept', { version: 9 })).statusCode).toBe(409)
    const accepted = await decide(transfer.id, 'accept', { version: 1 })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      recordId: contact.contactId,
      decidedByName: 'Berit Bergen',
    })
    expect((await decide(transfer.id, 'accept', { version: 2 })).json().code).toBe('transfer-decided')

    // Bergen now owns the contact, its quarantine and follow-up calls, and the person.
    const bergen = await rowsOf('4601', contact.personId)
    expect(bergen.persons).toEqual([{ id: contact.personId, kommune: '4601' }])
    expect(bergen.contacts).toEqual([{ id: contact.contactId, kommune: '4601', assigned_to: null }])
    expect(bergen.measures).toHaveLength(1)
    expect(bergen.calls.length).toBeGreaterThan(0)
    expect((await rowsOf('0301', contact.personId)).contacts).toEqual([])
    expect((await f.bergen.inject({ url: `/api/contacts/${contact.contactId}` })).json()).toMatchObject({
      kommune: '4601',
      indexCase: null,
    })
    // Oslo keeps the transfer (read-only) but not the contact; the lookup now points at Bergen.
    expect((await f.oslo.inject({ url: `/api/contacts/${contact.contactId}` })).statusCode).toBe(404)
    expect((await f.oslo.inject({ url: `/api/transfers/${transfer.id}` })).json()).toMatchObject({
      status: 'accepted',
      direction: 'out',
    })
    const lookup = await f.oslo.inject({
      method: 'POST',
      url: '/api/persons/lookup',
      payload: { nationalId: personBefore.nationalId },
    })
    expect(lookup.json()).toMatchObject({ status: 'elsewhere', kommune: '4601', personId: null })
    // Nothing else crossed: the index case and the other contact stay in Oslo, invisible to Bergen.
    expect((await f.bergen.inject({ url: `/api/cases/${c.id}` })).statusCode).toBe(404)
    expect((await f.bergen.inject({ url: `/api/persons/${c.person.id}` })).statusCode).toBe(404)
    expect((await f.bergen.inject({ url: `/api/contacts/${other.contactId}` })).statusCode).toBe(404)
    const caseNow = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    expect(caseNow.contacts.map((t: { id: string }) => t.id)).toEqual([other.contactId])

    // Audited at both ends, basis 'transfer'.
    for (const kommune of ['0301', '4601']) {
      const rows = (await auditRows(f, kommune, { recordId: transfer.id })).filter((r) =>
        r.action.startsWith('transfer.'),
      )
      expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['transfer.accept']))
      for (const r of rows) expect(r.payload).toMatchObject({ basis: 'transfer', personId: contact.personId })
    }
    expect((await auditRows(f, '4601', { action: 'transfer.received', recordId: transfer.id })).length).toBe(
      1,
    )
  })

  it('a case whose person has other records here: the receiver gets a link, the owner stays', async () => {
    const person = newPerson()
    const c = await createCase(f.oslo, { person })
    const earlier = await createCase(f.oslo)
    await addContact(f.oslo, earlier.id, { person: { personId: c.person.id }, lastExposure: day(-4) })
    const sent = (
      await send({ recordType: 'case', recordId: c.id, toKommune: '4601', message: 'Flyttet' })
    ).json()
    expect(sent.summary).toMatchObject({ testDate: day(-2), onsetDate: day(-3), exposureDate: null })
    expect((await decide(sent.id, 'accept', { version: 1 })).statusCode).toBe(200)
    const bergen = await rowsOf('4601', c.person.id)
    expect(bergen.cases).toEqual([{ id: c.id, kommune: '4601' }])
    expect(bergen.links).toEqual([{ kommune: '4601' }])
    expect((await rowsOf('0301', c.person.id)).persons).toEqual([{ id: c.person.id, kommune: '0301' }])
    expect((await f.bergen.inject({ url: `/api/cases/${c.id}` })).json()).toMatchObject({
      kommune: '4601',
      assignedTo: null,
    })
    expect((await f.oslo.inject({ url: `/api/cases/${c.id}` })).statusCode).toBe(404)
    expect((await f.oslo.inject({ url: `/api/persons/${c.person.id}` })).statusCode).toBe(200)
    // The case left Oslo's chains and is in Bergen's.
    expect((await f.bergen.inject({ url: `/api/chains/by-case/${c.id}` })).json()).toMatchObject({ size: 1 })
  })
})

describe('rejecting and cancelling', () => {
  it('reject returns it with a reason and moves nothing; only the sender may cancel', async () => {
    const c = await createCase(f.oslo)
    const t = await addContact(f.oslo, c.id)
    const sent = (
      await send({
        recordType: 'contact',
        recordId: t.contactId,
        toKommune: '4601',
        message: 'Bor i Bergen?',
      })
    ).json()
    const noReason = await decide(sent.id, 'reject', { reason: '', version: 1 })
    expect(fieldErrors(noReason.json())).toEqual({ 'body.reason': 'Skriv hvorfor overføringen avvises' })
    expect((await decide(sent.id, 'cancel', { version: 1 })).statusCode).toBe(403)
    const rejected = await decide(sent.id, 'reject', { reason: 'Personen bor i Askøy', version: 1 })
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Personen bor i Askøy',
      recordId: null,
    })
    expect((await f.oslo.inject({ url: `/api/transfers/${sent.id}` })).json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Personen bor i Askøy',
      recordId: t.contactId,
    })
    expect((await rowsOf('0301', t.personId)).contacts).toEqual([
      { id: t.contactId, kommune: '0301', assigned_to: null },
    ])
    expect((await rowsOf('4601', t.personId)).persons).toEqual([])
    expect((await auditRows(f, '0301', { action: 'transfer.reject', recordId: sent.id })).length).toBe(1)
    expect((await auditRows(f, '4601', { action: 'transfer.reject', recordId: sent.id })).length).toBe(1)

    const again = (
      await send({ recordType: 'contact', recordId: t.contactId, toKommune: '4601', message: 'Ny sjekk' })
    ).json()
    const cancelled = await decide(again.id, 'cancel', { version: 1 }, f.oslo)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
    expect((await decide(again.id, 'accept', { version: 2 })).json().code).toBe('transfer-decided')
    expect((await rowsOf('0301', t.personId)).contacts).toHaveLength(1)
  })

  it('lists sent and inbox per side, 404 for a transfer between two other municipalities', async () => {
    const sent = (await f.oslo.inject({ url: '/api/transfers?box=sent' })).json()
    expect(sent.items.length).toBeGreaterThan(0)
    for (const x of sent.items) expect(x).toMatchObject({ direction: 'out', from: { code: '0301' } })
    expect((await f.oslo.inject({ url: '/api/transfers?box=inbox' })).json().items).toEqual([])
    expect(
      (await f.oslo.inject({ url: '/api/transfers?box=sent&status=rejected' })).json().items,
    ).toHaveLength(1)
    expect((await f.oslo.inject({ url: '/api/transfers?box=other' })).statusCode).toBe(400)
    expect((await f.anon({ url: '/api/transfers?box=sent' })).statusCode).toBe(401)
    expect(
      (await f.oslo.inject({ url: '/api/transfers/00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404)
  })
})
