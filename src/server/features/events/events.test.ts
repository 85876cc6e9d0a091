import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import {
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  fieldErrors,
  newPerson,
} from '../cases/casework.fixtures'
import { addParticipants, createEvent, hoursAgo } from './events.fixtures'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

describe('POST /api/events and GET /api/events/{id}', () => {
  it('401, 400 per field, 403 for a report user', async () => {
    expect((await f.anon({ method: 'POST', url: '/api/events', payload: {} })).statusCode).toBe(401)
    const bad = await f.oslo.inject({
      method: 'POST',
      url: '/api/events',
      payload: { name: ' ', exposureSetting: 'disco', startsAt: '12.04.2024', organiserEmail: 'x@' },
    })
    expect(bad.statusCode).toBe(400)
    expect(fieldErrors(bad.json())).toMatchObject({
      'body.name': 'Navn må fylles ut',
      'body.exposureSetting': 'Velg et smittested fra listen',
      'body.startsAt': 'Ugyldig tidspunkt',
      'body.organiserEmail': expect.any(String),
    })
    const backwards = await f.oslo.inject({
      method: 'POST',
      url: '/api/events',
      payload: { name: 'Fest', exposureSetting: 'event', startsAt: hoursAgo(2), endsAt: hoursAgo(5) },
    })
    expect(fieldErrors(backwards.json())).toEqual({ 'body.endsAt': 'Slutt kan ikke være før start' })
    const report = await f.osloReport.inject({
      method: 'POST',
      url: '/api/events',
      payload: { name: 'Fest', exposureSetting: 'event' },
    })
    expect(report.statusCode).toBe(403)
  })

  it('creates an event, reads it back (audited) and hides it from another municipality', async () => {
    const e = await createEvent(f.oslo, { organiserName: 'Styrer Berit', organiserPhone: '+47 22 00 00 00' })
    expect(e).toMatchObject({
      kommune: '0301',
      name: 'Bursdag i barnehagen',
      exposureSetting: 'kindergarten',
      location: 'Solsikken barnehage',
      organiserName: 'Styrer Berit',
      status: 'active',
      outbreak: false,
      version: 1,
      participants: [],
      counts: { participants: 0, cases: 0, contacts: 0, attendees: 0, linkedCases: 0, exposedContacts: 0 },
    })
    const got = await f.oslo.inject({ url: `/api/events/${e.id}` })
    expect(got.statusCode).toBe(200)
    expect(got.json().id).toBe(e.id)
    expect((await auditRows(f, '0301', { action: 'event.read', recordId: e.id })).length).toBe(1)
    expect(
      (await auditRows(f, '0301', { action: 'event.create', recordId: e.id }))[0]!.payload,
    ).toMatchObject({
      changes: expect.arrayContaining([{ field: 'name', before: null, after: 'Bursdag i barnehagen' }]),
    })
    expect((await f.bergen.inject({ url: `/api/events/${e.id}` })).statusCode).toBe(404)
    expect((await f.oslo.inject({ url: '/api/events/not-a-uuid' })).statusCode).toBe(400)
  })
})

describe('GET /api/events', () => {
  it('filters by setting, outbreak, status, date range and text, newest first with paging', async () => {
    const school = await createEvent(f.oslo2, {
      name: 'Klassetur 7B',
      exposureSetting: 'school',
      startsAt: `${day(-20)}T08:00:00+01:00`,
      endsAt: null,
    })
    const party = await createEvent(f.oslo2, {
      name: 'Julebord',
      exposureSetting: 'workplace',
      startsAt: `${day(-3)}T18:00:00+01:00`,
      endsAt: null,
    })
    await f.oslo2.inject({
      method: 'PUT',
      url: `/api/events/${party.id}/outbreak`,
      payload: { outbreak: true, commonSource: 'Buffet', version: 1 },
    })
    const list = async (qs: string) =>
      ((await f.oslo.inject({ url: `/api/events?${qs}` })).json().items as { id: string }[]).map((i) => i.id)
    expect(await list('setting=school')).toContain(school.id)
    expect(await list('setting=school')).not.toContain(party.id)
    expect(await list('outbreak=true')).toEqual([party.id])
    expect(await list(`from=${day(-5)}`)).toContain(party.id)
    expect(await list(`from=${day(-5)}`)).not.toContain(school.id)
    expect(await list(`to=${day(-10)}`)).toContain(school.id)
    expect(await list(`to=${day(-10)}`)).not.toContain(party.id)
    expect(await list('q=klassetur')).toEqual([school.id])
    const first = (await f.oslo.inject({ url: '/api/events?limit=1' })).json()
    expect(first.items[0].id).toBe(party.id)
    const second = (await f.oslo.inject({ url: `/api/events?limit=1&cursor=${first.nextCursor}` })).json()
    expect(second.items[0].id).toBe(school.id)
    expect((await f.bergen.inject({ url: '/api/events' })).json().items).toEqual([])
    expect((await f.oslo.inject({ url: '/api/events?outbreak=ja' })).statusCode).toBe(400)
  })
})

describe('PATCH /api/events/{id} and PUT …/outbreak', () => {
  it('updates with optimistic locking: 409 with the stored event on a stale version', async () => {
    const e = await createEvent(f.oslo)
    const ok = await f.oslo.inject({
      method: 'PATCH',
      url: `/api/events/${e.id}`,
      payload: { description: 'Avdeling Blåbær', version: 1 },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ description: 'Avdeling Blåbær', version: 2 })
    const stale = await f.oslo.inject({
      method: 'PATCH',
      url: `/api/events/${e.id}`,
      payload: { description: 'Annet', version: 1 },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ description: 'Avdeling Blåbær', version: 2 })
    const cross = await f.bergen.inject({
      method: 'PATCH',
      url: `/api/events/${e.id}`,
      payload: { description: 'x', version: 2 },
    })
    expect(cross.statusCode).toBe(404)
  })

  it('flags an outbreak with its common source (audited); removing the flag clears it', async () => {
    const e = await createEvent(f.oslo)
    const res = await f.oslo.inject({
      method: 'PUT',
      url: `/api/events/${e.id}/outbreak`,
      payload: { outbreak: true, commonSource: 'Smittet ansatt', version: 1 },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ outbreak: true, commonSource: 'Smittet ansatt', version: 2 })
    expect(res.json().outbreakDeclaredAt).toEqual(expect.any(String))
    const [row] = await auditRows(f, '0301', { action: 'event.outbreak', recordId: e.id })
    expect(row!.payload).toMatchObject({
      changes: expect.arrayContaining([
        { field: 'outbreak', before: false, after: true },
        { field: 'commonSource', before: null, after: 'Smittet ansatt' },
      ]),
    })
    const stale = await f.oslo.inject({
      method: 'PUT',
      url: `/api/events/${e.id}/outbreak`,
      payload: { outbreak: false, version: 1 },
    })
    expect(stale.statusCode).toBe(409)
    const off = await f.oslo.inject({
      method: 'PUT',
      url: `/api/events/${e.id}/outbreak`,
      payload: { outbreak: false, version: 2 },
    })
    expect(off.json()).toMatchObject({
      outbreak: false,
      outbreakDeclaredAt: null,
      commonSource: null,
      version: 3,
    })
  })
})

describe('participants', () => {
  it('401, 400 per row and field, 404 across municipalities', async () => {
    const e = await createEvent(f.oslo)
    const url = `/api/events/${e.id}/participants/batch`
    expect((await f.anon({ method: 'POST', url, payload: { rows: [] } })).statusCode).toBe(401)
    const bad = await f.oslo.inject({
      method: 'POST',
      url,
      payload: {
        rows: [
          { person: newPerson(), role: 'guest' },
          {
            person: newPerson({ firstName: '' }),
            exposureAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        ],
      },
    })
    expect(bad.statusCode).toBe(400)
    expect(fieldErrors(bad.json())).toMatchObject({ 'body.rows.0.role': 'Velg rolle fra listen' })
    const future = await f.oslo.inject({
      method: 'POST',
      url,
      payload: {
        rows: [
          { person: newPerson() },
          { person: newPerson(), exposureAt: new Date(Date.now() + 86_400_000).toISOString() },
        ],
      },
    })
    expect(future.statusCode).toBe(400)
    expect(fieldErrors(future.json())).toEqual({
      'body.rows.1.exposureAt': 'Eksponeringstidspunktet kan ikke være fram i tid',
    })
    expect((await f.oslo.inject({ url: `/api/events/${e.id}` })).json().participants).toEqual([])
    const cross = await f.bergen.inject({ method: 'POST', url, payload: { rows: [{ person: newPerson() }] } })
    expect(cross.statusCode).toBe(404)
  })

  it('saves a grid of twelve all-or-nothing; the same person twice is one participation', async () => {
    const e = await createEvent(f.oslo)
    const existing = newPerson()
    const c = await createCase(f.oslo, { person: existing })
    const rows = [
      ...Array.from({ length: 10 }, () => ({ person: newPerson(), exposureAt: hoursAgo(48) })),
      { person: { personId: c.person.id }, role: 'case', exposureAt: hoursAgo(49) },
      {
        person: { nationalId: existing.nationalId, firstName: 'X', lastName: 'Y' },
        role: 'case',
        exposureAt: hoursAgo(47),
      },
    ]
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/events/${e.id}/participants/batch`,
      payload: { rows },
    })
    expect(res.statusCode, res.body).toBe(201)
    const items = res.json().items
    expect(items).toHaveLength(12)
    expect(items[10]).toMatchObject({ personId: c.person.id, created: true, personCreated: false })
    expect(items[11]).toMatchObject({
      personId: c.person.id,
      created: false,
      participantId: items[10].participantId,
    })
    const detail = (await f.oslo.inject({ url: `/api/events/${e.id}` })).json()
    expect(detail.counts).toMatchObject({ participants: 11, cases: 1, attendees: 10, linkedCases: 1 })
    const asCase = detail.participants.find((p: { person: { id: string } }) => p.person.id === c.person.id)
    // Linked to the person's open case; the later of the two exposures is kept.
    expect(asCase).toMatchObject({ role: 'case', caseId: c.id, caseStatus: 'open' })
    expect(new Date(asCase.exposureAt).getTime()).toBeGreaterThan(Date.now() - 47.5 * 3_600_000)
    expect(detail.linkedCases).toEqual([expect.objectContaining({ id: c.id, via: 'participant' })])
  })

  it('PATCH and DELETE a participant with versions (409 when stale)', async () => {
    const e = await createEvent(f.oslo)
    const [p] = await addParticipants(f.oslo, e.id, 1)
    const url = `/api/events/${e.id}/participants/${p!.participantId}`
    const ok = await f.oslo.inject({
      method: 'PATCH',
      url,
      payload: { notes: 'Satt ved bord 3', version: 1 },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ notes: 'Satt ved bord 3', version: 2 })
    expect(
      (await f.oslo.inject({ method: 'PATCH', url, payload: { notes: 'x', version: 1 } })).statusCode,
    ).toBe(409)
    expect(
      (await f.bergen.inject({ method: 'PATCH', url, payload: { notes: 'x', version: 2 } })).statusCode,
    ).toBe(404)
    expect((await f.oslo.inject({ method: 'DELETE', url: `${url}?version=1` })).statusCode).toBe(409)
    expect((await f.oslo.inject({ method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(204)
    expect((await f.oslo.inject({ url: `/api/events/${e.id}` })).json().participants).toEqual([])
    expect((await auditRows(f, '0301', { action: 'event.participant-remove', recordId: e.id })).length).toBe(
      1,
    )
  })
})

describe('POST /api/events/{id}/contacts (make participants contacts of a case)', () => {
  it('400 for unknown participants, 404 for a case of another municipality', async () => {
    const e = await createEvent(f.oslo)
    const c = await createCase(f.oslo)
    const url = `/api/events/${e.id}/contacts`
    const bad = await f.oslo.inject({
      method: 'POST',
      url,
      payload: { caseId: c.id, participantIds: ['00000000-0000-4000-8000-000000000000'] },
    })
    expect(fieldErrors(bad.json())).toEqual({
      'body.participantIds.0': 'Deltakeren finnes ikke på hendelsen',
    })
    const bergenCase = await createCase(f.bergen)
    const [p] = await addParticipants(f.oslo, e.id, 1)
    const cross = await f.oslo.inject({
      method: 'POST',
      url,
      payload: { caseId: bergenCase.id, participantIds: [p!.participantId] },
    })
    expect(cross.statusCode).toBe(404)
  })

  it('creates contacts linked to the case and the event, and is idempotent', async () => {
    const e = await createEvent(f.oslo)
    const c = await createCase(f.oslo)
    const ps = await addParticipants(f.oslo, e.id, 4)
    await f.oslo.inject({
      method: 'POST',
      url: `/api/events/${e.id}/participants`,
      payload: { person: { personId: c.person.id }, role: 'case' },
    })
    const detailBefore = (await f.oslo.inject({ url: `/api/events/${e.id}` })).json()
    const ids = detailBefore.participants.map((p: { id: string }) => p.id)
    const url = `/api/events/${e.id}/contacts`
    const first = await f.oslo.inject({ method: 'POST', url, payload: { caseId: c.id, participantIds: ids } })
    expect(first.statusCode, first.body).toBe(200)
    const outcomes = first.json().items.map((i: { outcome: string }) => i.outcome)
    expect(outcomes.filter((o: string) => o === 'created')).toHaveLength(4)
    expect(outcomes.filter((o: string) => o === 'skipped')).toHaveLength(1)
    const contacts = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('contacts')
        .select(['id', 'case_id', 'event_id', 'person_id', 'last_exposure', 'exposure_setting'])
        .where('case_id', '=', c.id)
        .execute(),
    )
    expect(contacts).toHaveLength(4)
    expect(new Set(contacts.map((t) => t.person_id))).toEqual(new Set(ps.map((p) => p.personId)))
    for (const t of contacts)
      expect(t).toMatchObject({ event_id: e.id, exposure_setting: 'kindergarten', last_exposure: day(-2) })
    const again = await f.oslo.inject({ method: 'POST', url, payload: { caseId: c.id, participantIds: ids } })
    expect(
      again
        .json()
        .items.map((i: { outcome: string }) => i.outcome)
        .sort(),
    ).toEqual(['already', 'already', 'already', 'already', 'skipped'])
    const after = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('contacts').select(['id', 'version']).where('case_id', '=', c.id).execute(),
    )
    // Untouched by the second call (version 2 = created, then linked to the event).
    expect(after.map((t) => t.version)).toEqual([2, 2, 2, 2])
    const detail = (await f.oslo.inject({ url: `/api/events/${e.id}` })).json()
    expect(detail.counts).toMatchObject({ contacts: 4, cases: 1, exposedContacts: 4 })
    for (const p of detail.participants.filter((x: { role: string }) => x.role === 'contact'))
      expect(p).toMatchObject({ contactStatus: 'active', contactCaseId: c.id })
  })
})

describe('POST …/participants/{id}/convert-to-case', () => {
  it('creates the case from the event (and the contact it was), and lists the others to offer', async () => {
    const e = await createEvent(f.oslo)
    const index = await createCase(f.oslo)
    const ps = await addParticipants(f.oslo, e.id, 3)
    const ids = ps.map((p) => p.participantId)
    await f.oslo.inject({
      method: 'POST',
      url: `/api/events/${e.id}/contacts`,
      payload: { caseId: index.id, participantIds: ids },
    })
    const url = `/api/events/${e.id}/participants/${ids[0]}/convert-to-case`
    const stale = await f.oslo.inject({ method: 'POST', url, payload: { testDate: day(-1), version: 1 } })
    expect(stale.statusCode).toBe(409)
    const future = await f.oslo.inject({ method: 'POST', url, payload: { testDate: day(2), version: 2 } })
    expect(future.statusCode).toBe(400)
    const res = await f.oslo.inject({
      method: 'POST',
      url,
      payload: { testDate: day(-1), testType: 'pcr', version: 2 },
    })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(body.participant).toMatchObject({ role: 'case', caseId: body.caseId, caseStatus: 'open' })
    expect(body.otherParticipantIds.sort()).toEqual([ids[1], ids[2]].sort())
    const kase = (await f.oslo.inject({ url: `/api/cases/${body.caseId}` })).json()
    expect(kase).toMatchObject({
      infectionSource: 'event',
      sourceEventId: e.id,
      exposureSetting: 'kindergarten',
      testDate: day(-1),
    })
    expect(kase.sourceContactId).toEqual(expect.any(String))
    const contact = (await f.oslo.inject({ url: `/api/contacts/${kase.sourceContactId}` })).json()
    expect(contact).toMatchObject({ status: 'became_case', becameCaseId: body.caseId, eventId: e.id })
    const again = await f.oslo.inject({ method: 'POST', url, payload: { testDate: day(-1), version: 3 } })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('already-case')
    // The offer: the others become contacts of the new case.
    const offer = await f.oslo.inject({
      method: 'POST',
      url: `/api/events/${e.id}/contacts`,
      payload: { caseId: body.caseId, participantIds: body.otherParticipantIds },
    })
    expect(offer.json().items.map((i: { outcome: string }) => i.outcome)).toEqual(['created', 'created'])
  })
})
