import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { buildUser, loginAs } from '../../test/factories'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  fieldErrors,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
let osloCase: { id: string; person: { id: string } }
let bergenCase: { id: string; person: { id: string } }
let osloContact: { contactId: string; personId: string }

beforeAll(async () => {
  f = await caseworkFixture()
  osloCase = await createCase(f.oslo)
  bergenCase = await createCase(f.bergen)
  osloContact = await addContact(f.oslo, osloCase.id)
})
afterAll(() => f.t.close())

const flag = (payload: Record<string, unknown>, who = f.oslo) =>
  who.inject({ method: 'POST', url: '/api/flags', payload })

describe('POST /api/flags (meld feil)', () => {
  it('401, 400 per field, 403 for a report user', async () => {
    expect((await f.anon({ method: 'POST', url: '/api/flags', payload: {} })).statusCode).toBe(401)
    const bad = await flag({ recordType: 'invoice', recordId: 'x', comment: '  ' })
    expect(fieldErrors(bad.json())).toEqual({
      'body.recordType': 'Ukjent registreringstype',
      'body.recordId': 'Ugyldig id',
      'body.comment': 'Beskriv hva som er feil',
    })
    const report = await flag({ recordType: 'case', recordId: osloCase.id, comment: 'Feil' }, f.osloReport)
    expect(report.statusCode).toBe(403)
  })

  it('404 for a record of another municipality or one that does not exist', async () => {
    for (const [recordType, recordId] of [
      ['case', bergenCase.id],
      ['person', bergenCase.person.id],
      ['contact', osloContact.contactId],
      ['event', osloCase.id],
    ] as const) {
      const who = recordType === 'contact' ? f.bergen : f.oslo
      const res = await flag({ recordType, recordId, comment: 'Feil dato' }, who)
      expect(res.statusCode, recordType).toBe(404)
      expect(res.json().title).toBe('Registreringen finnes ikke')
    }
  })

  it('201 on a visible case, contact or person; audited with the flagged person', async () => {
    const res = await flag({
      recordType: 'contact',
      recordId: osloContact.contactId,
      comment: 'Feil relasjon',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      recordType: 'contact',
      recordId: osloContact.contactId,
      comment: 'Feil relasjon',
      status: 'open',
      createdBy: { id: f.oslo.user.id, name: 'Tora Sporer' },
      resolvedBy: null,
      version: 1,
    })
    // The queue shows whose record it is: the contact person's name and the last exposure.
    const contact = (await f.oslo.inject({ url: `/api/contacts/${osloContact.contactId}` })).json()
    expect(res.json().subject).toEqual({
      name: `${contact.person.firstName} ${contact.person.lastName}`,
      personId: osloContact.personId,
      date: contact.lastExposure,
    })
    const [row] = await auditRows(f, '0301', { action: 'flag.create', recordId: res.json().id })
    expect(row).toMatchObject({ person_id: osloContact.personId, record_type: 'flag' })
    expect(
      (await flag({ recordType: 'person', recordId: osloCase.person.id, comment: 'Feil navn' })).statusCode,
    ).toBe(201)
  })
})

describe('Administrator queue: GET /api/flags and POST /api/flags/{id}/resolve', () => {
  it('403 for tracers; lists own municipality only, open first filter, newest first', async () => {
    expect((await f.oslo.inject({ url: '/api/flags' })).statusCode).toBe(403)
    await flag({ recordType: 'case', recordId: bergenCase.id, comment: 'Bergen' }, f.bergen)
    const res = await f.osloAdmin.inject({ url: '/api/flags?status=open' })
    expect(res.statusCode).toBe(200)
    const comments = res.json().items.map((i: { comment: string }) => i.comment)
    expect(comments).toEqual(['Feil navn', 'Feil relasjon'])
    const p = (await f.oslo.inject({ url: `/api/persons/${osloCase.person.id}` })).json()
    expect(res.json().items[0].subject).toEqual({
      name: `${p.firstName} ${p.lastName}`,
      personId: p.id,
      date: p.birthDate,
    })
    const page1 = (await f.osloAdmin.inject({ url: '/api/flags?limit=1' })).json()
    expect(page1.items).toHaveLength(1)
    const page2 = (await f.osloAdmin.inject({ url: `/api/flags?limit=1&cursor=${page1.nextCursor}` })).json()
    expect(page2.items[0].comment).toBe('Feil relasjon')
    expect(page2.nextCursor).toBeNull()
  })

  it('resolves with the version; a stale version or a second resolve is 409; other kommune 404', async () => {
    const created = (
      await flag({ recordType: 'case', recordId: osloCase.id, comment: 'Feil testdato' })
    ).json()
    expect(created.subject).toMatchObject({ personId: osloCase.person.id, date: day(-2) })
    const url = `/api/flags/${created.id}/resolve`
    expect((await f.anon({ method: 'POST', url, payload: {} })).statusCode).toBe(401)
    expect(
      (await f.oslo.inject({ method: 'POST', url, payload: { resolution: 'x', version: 1 } })).statusCode,
    ).toBe(403)
    const bergenAdmin = await loginAs(
      f.t.app,
      await buildUser(f.t.db.db, { roles: [{ role: 'admin', kommune: '4601' }] }),
    )
    expect(
      (await bergenAdmin.inject({ method: 'POST', url, payload: { resolution: 'x', version: 1 } }))
        .statusCode,
    ).toBe(404)
    const empty = await f.osloAdmin.inject({ method: 'POST', url, payload: { resolution: '', version: 1 } })
    expect(fieldErrors(empty.json())).toEqual({ 'body.resolution': 'Beskriv hva som ble gjort' })
    const stale = await f.osloAdmin.inject({
      method: 'POST',
      url,
      payload: { resolution: 'Rettet', version: 7 },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ id: created.id, version: 1, status: 'open' })
    const ok = await f.osloAdmin.inject({
      method: 'POST',
      url,
      payload: { resolution: 'Rettet testdato', version: 1 },
    })
    expect(ok.json()).toMatchObject({
      status: 'resolved',
      resolution: 'Rettet testdato',
      resolvedBy: { id: f.osloAdmin.user.id, name: 'Ada Admin' },
      version: 2,
    })
    const twice = await f.osloAdmin.inject({
      method: 'POST',
      url,
      payload: { resolution: 'Igjen', version: 2 },
    })
    expect(twice.json().code).toBe('flag-already-resolved')
    const open = (await f.osloAdmin.inject({ url: '/api/flags?status=open' })).json()
    expect(open.items.map((i: { id: string }) => i.id)).not.toContain(created.id)
    const [row] = await auditRows(f, '0301', { action: 'flag.resolve', recordId: created.id })
    expect(row?.payload.changes).toEqual(
      expect.arrayContaining([{ field: 'status', before: 'open', after: 'resolved' }]),
    )
  })
})

describe('flags on events', () => {
  it('flags an event of the own municipality; another municipality gets 404', async () => {
    const event = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .insertInto('events')
        .values({
          kommune: '0301',
          owner_unit: '0301',
          name: 'Julebord',
          exposure_setting: 'event',
          starts_at: new Date('2024-12-13T17:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    )
    const foreign = await flag({ recordType: 'event', recordId: event.id, comment: 'Feil dato' }, f.bergen)
    expect(foreign.statusCode).toBe(404)
    const res = await flag({ recordType: 'event', recordId: event.id, comment: 'Feil dato' }, f.oslo2)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      recordType: 'event',
      recordId: event.id,
      createdBy: { id: f.oslo2.user.id },
      subject: { name: 'Julebord', personId: null, date: '2024-12-13' },
    })
    const resolve = await f.osloAdmin.inject({
      method: 'POST',
      url: `/api/flags/${res.json().id}/resolve`,
      payload: { resolution: 'Rettet', version: 1 },
    })
    expect(resolve.json()).toMatchObject({ status: 'resolved', subject: { name: 'Julebord' } })
  })
})
