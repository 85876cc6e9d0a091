import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addContact, auditRows, createCase, day, fieldErrors } from '../cases/casework.fixtures'
import { INFECTED_REASON } from './measures.changes'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from './measures.fixtures'

let f: MeasuresFixture
let caseId: string
let bergenContactId: string

beforeAll(async () => {
  f = await measuresFixture()
  caseId = (await createCase(f.oslo)).id
  const bergenCase = await createCase(f.bergen)
  bergenContactId = (await addContact(f.bergen, bergenCase.id)).contactId
})
afterAll(() => f.t.close())

type Call = {
  plannedDate: string
  dayNumber: number
  lastDay: boolean
  late: boolean
  status: string
  cancelReason: string | null
}
/** A measure's calls row by row: date, status and (when cancelled) why. */
const rows = (calls: Call[]) => calls.map((c) => [c.plannedDate, c.status, c.cancelReason])

const start = (payload: Record<string, unknown>, who = f.oslo) =>
  who.inject({ method: 'POST', url: '/api/measures', payload })

describe('POST /api/measures', () => {
  it('401 without a session', async () => {
    const payload = { kind: 'quarantine', contactId: bergenContactId }
    expect((await f.anon({ method: 'POST', url: '/api/measures', payload })).statusCode).toBe(401)
  })

  it.each([
    [{ kind: 'quarantine' }, 'body.contactId', 'Karantene gjelder en nærkontakt'],
    [{ kind: 'isolation' }, 'body.caseId', 'Isolasjon gjelder et indekstilfelle'],
    [{ kind: 'rest' }, 'body.kind', 'Velg isolasjon eller karantene'],
    [{ kind: 'quarantine', contactId: 'x' }, 'body.contactId', 'Ugyldig id'],
    [
      {
        kind: 'quarantine',
        contactId: crypto.randomUUID(),
        override: { startDate: '2021-01-05', endDate: '2021-01-01', reason: 'Fordi' },
      },
      'body.override.endDate',
      'Sluttdato er før startdato',
    ],
    [
      {
        kind: 'quarantine',
        contactId: crypto.randomUUID(),
        override: { startDate: '2021-01-01', endDate: '2021-01-05', reason: ' ' },
      },
      'body.override.reason',
      'Oppgi en begrunnelse (minst 3 tegn)',
    ],
  ])('400 for %j on %s', async (payload, path, message) => {
    const res = await start(payload)
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(res.json())[path]).toBe(message)
  })

  it('403 for a report user, 404 for a contact of another municipality', async () => {
    expect((await start({ kind: 'quarantine', contactId: bergenContactId }, f.osloReport)).statusCode).toBe(
      403,
    )
    const res = await start({ kind: 'quarantine', contactId: bergenContactId })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('not-found')
  })

  it('starts quarantine with the dates of the rule set in force on the last exposure, and plans the calls', async () => {
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-3))
    expect(measure).toMatchObject({
      kind: 'quarantine',
      status: 'active',
      ruleSet: { id: 'test-b', name: 'Testregler B (10 døgn)' },
      basis: 'last-exposure',
      basisDate: day(-3),
      startDate: day(-3),
      endDate: day(7),
      computedEnd: day(7),
      actualEnd: null,
      adjusted: false,
      version: 1,
    })
    expect(measure.explanation).toMatch(/^Karantene i 10 døgn etter siste eksponering/)
    expect(measure.events.map((e: { action: string }) => e.action)).toEqual(['start'])
    // Days 1, 3, 7 and the last day (10); day 1 was yesterday: planned, marked late.
    expect(measure.calls.map((c: Call) => [c.plannedDate, c.dayNumber, c.lastDay, c.late, c.status])).toEqual(
      [
        [day(-2), 1, false, true, 'planned'],
        [day(0), 3, false, false, 'planned'],
        [day(4), 7, false, false, 'planned'],
        [day(7), 10, true, false, 'planned'],
      ],
    )
    const [row] = await auditRows(f, '0301', { action: 'measure.create', recordId: measure.id })
    expect(row?.person_id).toBe(measure.person.id)
  })

  it('keeps the rules it started under when they change during the quarantine', async () => {
    // Exposure on the last day of test-a (14 days); test-b (10 days) is in force today.
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-6))
    expect(measure).toMatchObject({ ruleSet: { id: 'test-a' }, startDate: day(-6), endDate: day(8) })
  })

  it('409 when the contact already has an open measure', async () => {
    const { contact } = await quarantinedContact(f.oslo, caseId, day(-1))
    const res = await start({ kind: 'quarantine', contactId: contact.contactId })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'measure-exists', current: { endDate: day(9) } })
  })

  it('422 when no rule gives a duty, unless the tracer sets the dates with a reason', async () => {
    const contact = await addContact(f.oslo, caseId, { lastExposure: day(-40) })
    const refused = await start({ kind: 'quarantine', contactId: contact.contactId })
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({ code: 'measure-no-duty' })
    const override = { startDate: day(-40), endDate: day(1), reason: 'Smittevernoverlegens vurdering' }
    const res = await start({ kind: 'quarantine', contactId: contact.contactId, override })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      ruleSet: null,
      startDate: day(-40),
      endDate: day(1),
      overrideReason: 'Smittevernoverlegens vurdering',
      adjusted: true,
      events: [{ action: 'override', reason: 'Smittevernoverlegens vurdering' }],
    })
  })

  it('starts isolation for a case from onset or test and keeps the case isolation end in step', async () => {
    const c = await createCase(f.oslo, { onsetDate: day(-3), testDate: day(-2) })
    const res = await start({ kind: 'isolation', caseId: c.id })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      ruleSet: { id: 'test-b' },
      basis: 'onset',
      startDate: day(-2),
      endDate: day(4),
    })
    expect((await f.oslo.inject({ url: `/api/cases/${c.id}` })).json().isolationEnd).toBe(day(4))
  })
})

describe('changing a measure', () => {
  let m: { id: string; version: number }
  beforeAll(async () => {
    m = (await quarantinedContact(f.oslo, caseId, day(-2))).measure
  })
  const adjust = (payload: Record<string, unknown>, who = f.oslo, id = m.id) =>
    who.inject({ method: 'POST', url: `/api/measures/${id}/adjust`, payload })

  it('401, 400 per field, 404 across municipalities', async () => {
    const payload = { version: 1, action: 'extend', endDate: day(20), reason: 'Ny eksponering' }
    expect((await f.anon({ method: 'POST', url: `/api/measures/${m.id}/adjust`, payload })).statusCode).toBe(
      401,
    )
    const bad = await adjust({ version: 1, action: 'grow', endDate: '2021-02-30', reason: '' })
    expect(fieldErrors(bad.json())).toEqual({
      'body.action': 'Velg type endring',
      'body.endDate': 'Datoen finnes ikke',
      'body.reason': 'Oppgi en begrunnelse (minst 3 tegn)',
    })
    expect(
      (await adjust({ version: 1, action: 'extend', endDate: day(20), reason: 'Ny eksponering' }, f.bergen))
        .statusCode,
    ).toBe(404)
  })

  it('extends with a reason, shown and audited, and moves the last-day call', async () => {
    const wrong = await adjust({ version: 1, action: 'extend', endDate: day(3), reason: 'Ny eksponering' })
    expect(fieldErrors(wrong.json())).toEqual({
      'body.endDate': expect.stringMatching(/^Forlengelse må gi en sluttdato etter/),
    })
    const res = await adjust({
      version: 1,
      action: 'extend',
      endDate: day(10),
      reason: 'Ny eksponering i husstanden',
    })
    expect(res.statusCode).toBe(200)
    const after = res.json()
    expect(after).toMatchObject({ endDate: day(10), computedEnd: day(8), adjusted: true, version: 2 })
    expect(after.events.at(-1)).toMatchObject({
      action: 'extend',
      fromEnd: day(8),
      toEnd: day(10),
      reason: 'Ny eksponering i husstanden',
    })
    // The old last day is kept as cancelled; nothing is deleted.
    expect(rows(after.calls)).toEqual([
      [day(-1), 'planned', null],
      [day(1), 'planned', null],
      [day(5), 'planned', null],
      [day(8), 'cancelled', 'Datoene ble endret'],
      [day(10), 'planned', null],
    ])
    const [row] = await auditRows(f, '0301', { action: 'measure.extend', recordId: m.id })
    expect(row?.payload).toMatchObject({
      reason: 'Ny eksponering i husstanden',
      changes: [{ field: 'end_date', before: day(8), after: day(10) }],
    })
    m = after
  })

  it('409 with the stored measure on a stale version', async () => {
    const res = await adjust({ version: 1, action: 'shorten', endDate: day(5), reason: 'Negativ test' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'conflict', current: { version: 2, endDate: day(10) } })
  })

  it('shortens, and cancels with a reason: planned calls become cancelled and are kept', async () => {
    const short = await adjust({
      version: 2,
      action: 'shorten',
      endDate: day(5),
      reason: 'Negativ test døgn 7',
    })
    expect(short.json()).toMatchObject({ endDate: day(5), version: 3 })
    expect(rows(short.json().calls)).toEqual([
      [day(-1), 'planned', null],
      [day(1), 'planned', null],
      [day(5), 'planned', null],
      [day(8), 'cancelled', 'Datoene ble endret'],
      [day(10), 'cancelled', 'Datoene ble endret'],
    ])
    const cancel = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${m.id}/cancel`,
      payload: { version: 3, reason: 'Registrert ved en feil' },
    })
    expect(cancel.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Registrert ved en feil' })
    expect(rows(cancel.json().calls)).toEqual([
      [day(-1), 'cancelled', 'Tiltaket ble avbrutt'],
      [day(1), 'cancelled', 'Tiltaket ble avbrutt'],
      [day(5), 'cancelled', 'Tiltaket ble avbrutt'],
      [day(8), 'cancelled', 'Datoene ble endret'],
      [day(10), 'cancelled', 'Datoene ble endret'],
    ])
    const again = await adjust({ version: 4, action: 'extend', endDate: day(12), reason: 'Ny eksponering' })
    expect(again.json().code).toBe('measure-cancelled')
  })

  it('exempts from a date with a reason: "unntatt" from that date, later calls cancelled and kept', async () => {
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-4))
    const early = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${measure.id}/exempt`,
      payload: { version: 1, from: day(-5), reason: 'Gjennomgått covid-19' },
    })
    expect(fieldErrors(early.json())).toEqual({
      'body.from': 'Unntaket kan ikke gjelde fra før tiltaket startet',
    })
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${measure.id}/exempt`,
      payload: { version: 1, from: day(0), reason: 'Gjennomgått covid-19 siste 6 måneder' },
    })
    expect(res.json()).toMatchObject({
      status: 'exempted',
      actualEnd: day(0),
      exemptFrom: day(0),
      exemptionReason: 'Gjennomgått covid-19 siste 6 måneder',
    })
    // Calls owed before the exemption stay (late); the rest are cancelled, not deleted.
    expect(rows(res.json().calls)).toEqual([
      [day(-3), 'planned', null],
      [day(-1), 'planned', null],
      [day(3), 'cancelled', 'Unntatt fra tiltaket'],
      [day(6), 'cancelled', 'Unntatt fra tiltaket'],
    ])
  })
})

describe('contact → case → isolation (one transaction)', () => {
  it('ends the quarantine "Ble smittet" on the test date, keeps its calls as cancelled, starts isolation with its plan', async () => {
    // Quarantine from day(-2) under test-b (10 days): calls day(-1) (late), day(1), day(5), day(8).
    const { contact, measure } = await quarantinedContact(f.oslo, caseId, day(-2))
    const converted = await f.oslo.inject({
      method: 'POST',
      url: `/api/contacts/${contact.contactId}/convert-to-case`,
      payload: { testDate: day(0), onsetDate: day(-1), symptomatic: true, version: 1 },
    })
    expect(converted.statusCode, converted.body).toBe(201)
    const created = converted.json()
    expect(created).toMatchObject({
      sourceContactId: contact.contactId,
      isolationEnd: day(6),
      measures: {
        quarantine: { id: measure.id, status: 'ended', endDate: day(0), endReason: INFECTED_REASON },
        isolation: { status: 'active', startDate: day(0), endDate: day(6) },
        isolationProblem: null,
      },
    })
    const quarantine = (await f.oslo.inject({ url: `/api/measures/${measure.id}` })).json()
    expect(quarantine).toMatchObject({
      status: 'ended',
      endDate: day(0),
      actualEnd: day(0),
      endReason: INFECTED_REASON,
      computedEnd: day(8),
    })
    expect(
      quarantine.events.map((e: { action: string; reason: string | null }) => [e.action, e.reason]),
    ).toEqual([
      ['start', null],
      ['convert', INFECTED_REASON],
    ])
    expect(rows(quarantine.calls)).toEqual([
      [day(-1), 'cancelled', INFECTED_REASON],
      [day(1), 'cancelled', INFECTED_REASON],
      [day(5), 'cancelled', INFECTED_REASON],
      [day(8), 'cancelled', INFECTED_REASON],
    ])
    const isolations = (await f.oslo.inject({ url: `/api/measures?caseId=${created.id}` })).json().items
    expect(isolations).toHaveLength(1)
    expect(isolations[0]).toMatchObject({
      id: created.measures.isolation.id,
      kind: 'isolation',
      ruleSet: { id: 'test-b' },
      basis: 'onset',
      startDate: day(0),
      endDate: day(6),
      events: [{ action: 'start' }],
    })
    expect(isolations[0].calls.map((c: Call) => [c.plannedDate, c.dayNumber, c.lastDay, c.status])).toEqual([
      [day(1), 1, false, 'planned'],
      [day(3), 3, false, 'planned'],
      [day(6), 6, true, 'planned'],
    ])
    const [row] = await auditRows(f, '0301', { action: 'measure.convert', recordId: measure.id })
    expect(row?.payload).toMatchObject({ reason: INFECTED_REASON })
    const again = await start({ kind: 'quarantine', contactId: contact.contactId })
    expect(again.json()).toMatchObject({ status: 422, code: 'contact-became-case' })
    const twice = await f.oslo.inject({
      method: 'POST',
      url: `/api/contacts/${contact.contactId}/convert-to-case`,
      payload: { testDate: day(0), version: 2 },
    })
    expect(twice.statusCode).toBe(409)
    // The ended quarantine cannot be changed any more.
    const change = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${measure.id}/adjust`,
      payload: { version: quarantine.version, action: 'extend', endDate: day(12), reason: 'Ny eksponering' },
    })
    expect(change.json()).toMatchObject({ status: 422, code: 'measure-ended' })
  })

  it("symptoms on a call → case: the call's notes reach the case, the test date ends the quarantine", async () => {
    const { contact, measure } = await quarantinedContact(f.oslo, caseId, day(-3))
    const call = measure.calls.find((c: Call) => c.plannedDate === day(-2))
    const recorded = await f.oslo.inject({
      method: 'POST',
      url: `/api/followups/${call.id}/record`,
      payload: {
        version: call.version,
        reached: true,
        symptoms: true,
        symptomNotes: 'Feber og hoste',
        onsetDate: day(-1),
        remarks: 'Trenger hjelp med handling',
        needs: { food: true },
      },
    })
    expect(recorded.json()).toMatchObject({ suggestCaseConversion: true, contactId: contact.contactId })
    const converted = await f.oslo.inject({
      method: 'POST',
      url: `/api/contacts/${contact.contactId}/convert-to-case`,
      payload: { testDate: day(-1), fromCallId: call.id, version: 1 },
    })
    expect(converted.statusCode, converted.body).toBe(201)
    expect(converted.json()).toMatchObject({
      onsetDate: day(-1),
      symptoms: expect.stringContaining('Feber og hoste'),
      notes: expect.stringContaining('Trenger hjelp med handling'),
      measures: { quarantine: { endDate: day(-1) }, isolation: { startDate: day(-1) } },
    })
    const q = (await f.oslo.inject({ url: `/api/measures/${measure.id}` })).json()
    // The call made stays done; the others are cancelled.
    expect(rows(q.calls)).toEqual([
      [day(-2), 'done', null],
      [day(0), 'cancelled', INFECTED_REASON],
      [day(4), 'cancelled', INFECTED_REASON],
      [day(7), 'cancelled', INFECTED_REASON],
    ])
  })

  it('400 when fromCallId is not a call of this contact', async () => {
    const { contact } = await quarantinedContact(f.oslo, caseId, day(-1))
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/contacts/${contact.contactId}/convert-to-case`,
      payload: { testDate: day(0), fromCallId: crypto.randomUUID(), version: 1 },
    })
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(res.json())).toEqual({
      'body.fromCallId': 'Samtalen hører ikke til nærkontaktens karantene',
    })
  })
})

describe('lists', () => {
  it('GET /api/measures needs exactly one record', async () => {
    const res = await f.oslo.inject({ url: '/api/measures' })
    expect(res.statusCode).toBe(400)
    const all = await f.oslo.inject({ url: `/api/measures?caseId=${crypto.randomUUID()}` })
    expect(all.json()).toEqual({ items: [] })
  })

  it('in measure today, ending today and ended', async () => {
    const ending = await quarantinedContact(f.oslo, caseId, day(-10)) // test-a: 14 days → day(4)
    const endsToday = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${ending.measure.id}/adjust`,
      payload: { version: 1, action: 'shorten', endDate: day(0), reason: 'Negativ test' },
    })
    expect(endsToday.statusCode).toBe(200)
    const ids = async (list: string) =>
      (await f.oslo.inject({ url: `/api/measures/lists/${list}?kind=quarantine&limit=200` })).json()
    const today = await ids('today')
    expect(today.items.map((i: { id: string }) => i.id)).toContain(ending.measure.id)
    const endingToday = await ids('ending-today')
    expect(endingToday.items.map((i: { id: string }) => i.id)).toEqual([ending.measure.id])
    const ended = await ids('ended')
    expect(ended.items.every((i: { status: string }) => ['ended', 'exempted'].includes(i.status))).toBe(true)
    expect(today.counts['ending-today']).toBe(1)
    const bergen = await f.bergen.inject({ url: '/api/measures/lists/today' })
    expect(bergen.json().items).toEqual([])
  })
})

describe('merging two persons', () => {
  it('moves their measures and follow-up calls to the survivor', async () => {
    // Two registrations of one person without a national id, each a contact of its own case.
    const quarantine = async (onCase: string, exposure: string) => {
      const contact = await addContact(f.oslo, onCase, {
        lastExposure: exposure,
        person: { firstName: 'Mia', lastName: 'Flettesen', birthDate: '1999-09-09', confirmNew: true },
      })
      const measure = (await start({ kind: 'quarantine', contactId: contact.contactId })).json()
      return { contact, measure }
    }
    const a = await quarantine(caseId, day(-2))
    const b = await quarantine((await createCase(f.oslo)).id, day(-1))
    const version = async (id: string) => (await f.oslo.inject({ url: `/api/persons/${id}` })).json().version
    const merged = await f.oslo.inject({
      method: 'POST',
      url: '/api/persons/merge',
      payload: {
        survivorId: a.contact.personId,
        mergedId: b.contact.personId,
        survivorVersion: await version(a.contact.personId),
        mergedVersion: await version(b.contact.personId),
      },
    })
    expect(merged.statusCode, merged.body).toBe(200)
    const list = (await f.oslo.inject({ url: `/api/measures?personId=${a.contact.personId}` })).json().items
    expect(list.map((m: { id: string }) => m.id).sort()).toEqual([a.measure.id, b.measure.id].sort())
    const moved = list.find((m: { id: string }) => m.id === b.measure.id)
    expect(moved.calls.every((c: { personId: string }) => c.personId === a.contact.personId)).toBe(true)
  })
})
