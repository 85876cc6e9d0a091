import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
let personId: string
let nationalId: string
let ownCase: { id: string }
let exposedBy: { id: string }
let contactId: string
let eventId: string
let participationId: string

beforeAll(async () => {
  f = await caseworkFixture()
  exposedBy = await createCase(f.oslo)
  const contact = await addContact(f.oslo, exposedBy.id)
  contactId = contact.contactId
  personId = contact.personId
  ownCase = await createCase(f.oslo, { person: { personId } })
  await createCase(f.oslo) // someone else's case: not listed
  const ev = await inTenant(f.t.db.db, { kommune: '0301' }, async (trx) => {
    const e = await trx
      .insertInto('events')
      .values({
        kommune: '0301',
        owner_unit: '0301',
        name: 'Bursdagsfest',
        exposure_setting: 'event',
        outbreak: true,
        starts_at: new Date('2024-03-01T17:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const p = await trx
      .insertInto('event_participants')
      .values({ kommune: '0301', event_id: e.id, person_id: personId, role: 'attendee' })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { eventId: e.id, participationId: p.id }
  })
  ;({ eventId, participationId } = ev)
  const p = (await f.oslo.inject({ url: `/api/persons/${personId}` })).json()
  nationalId = p.nationalId
})
afterAll(() => f.t.close())

const url = () => `/api/persons/${personId}/records`

describe('GET /api/persons/{id}/records', () => {
  it('401, 400 for a malformed id, 403 for a report user', async () => {
    expect((await f.anon({ url: url() })).statusCode).toBe(401)
    expect((await f.oslo.inject({ url: '/api/persons/abc/records' })).statusCode).toBe(400)
    expect((await f.osloReport.inject({ url: url() })).statusCode).toBe(403)
  })

  it('404 for a person of another municipality', async () => {
    const res = await f.bergen.inject({ url: url() })
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain(ownCase.id)
  })

  it("lists the person's cases, contact links and event participations; audited as a read", async () => {
    const res = await f.oslo.inject({ url: url() })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.cases.map((c: { id: string }) => c.id)).toEqual([ownCase.id])
    expect(body.cases[0].person).toMatchObject({ id: personId, nationalId })
    expect(body.contacts).toHaveLength(1)
    expect(body.contacts[0]).toMatchObject({ id: contactId, caseId: exposedBy.id, status: 'active' })
    expect(body.events).toEqual([
      {
        id: participationId,
        eventId,
        eventName: 'Bursdagsfest',
        outbreak: true,
        startsAt: '2024-03-01T17:00:00.000Z',
        role: 'attendee',
        exposureAt: null,
      },
    ])
    expect(body.truncated).toBe(false)
    const rows = await auditRows(f, '0301', { action: 'person.read', recordId: personId })
    expect(rows.at(-1)).toMatchObject({
      person_id: personId,
      payload: { details: { part: 'records', cases: 1, contacts: 1, events: 1 } },
    })
  })

  it("a linked person shows only the own municipality's records", async () => {
    // Bergen registers a contact with the same national id: the person is linked, not copied.
    const bergenCase = await createCase(f.bergen)
    const linked = await addContact(f.bergen, bergenCase.id, {
      person: { firstName: 'X', lastName: 'Y', nationalId },
    })
    expect(linked.personId).toBe(personId)
    const bergen = (await f.bergen.inject({ url: url() })).json()
    expect(bergen.cases).toEqual([])
    expect(bergen.events).toEqual([])
    expect(bergen.contacts.map((c: { id: string }) => c.id)).toEqual([linked.contactId])
    const oslo = (await f.oslo.inject({ url: url() })).json()
    expect(oslo.contacts.map((c: { id: string }) => c.id)).toEqual([contactId])
  })
})
