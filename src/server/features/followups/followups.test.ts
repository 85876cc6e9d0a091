import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { auditRows, createCase, day, fieldErrors } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'

let f: MeasuresFixture
let caseId: string
/**
 * Calls due today: one per quarantine started with exposure 3 days ago (day 3 = today). Each
 * also has its day-1 call, planned late ("etterregistrert") at registration and overdue.
 */
let due: { id: string; version: number; measureId: string }[]
let bergenCallId: string

beforeAll(async () => {
  f = await measuresFixture()
  caseId = (await createCase(f.oslo)).id
  for (let i = 0; i < 4; i++) await quarantinedContact(f.oslo, caseId, day(-3))
  const bergenCase = (await createCase(f.bergen)).id
  bergenCallId = (await quarantinedContact(f.bergen, bergenCase, day(-3))).measure.calls[0].id
  due = (await f.oslo.inject({ url: '/api/followups/today' }))
    .json()
    .items.filter((c: { plannedDate: string }) => c.plannedDate === day(0))
})
afterAll(() => f.t.close())

describe('GET /api/followups/today ("Dagens oppfølging")', () => {
  it('401 without a session, 403 for a report user', async () => {
    expect((await f.anon({ url: '/api/followups/today' })).statusCode).toBe(401)
    expect((await f.osloReport.inject({ url: '/api/followups/today' })).statusCode).toBe(403)
  })

  it('lists the calls due today with the person, the measure and who can take them', async () => {
    const res = (await f.oslo.inject({ url: '/api/followups/today' })).json()
    expect(res.date).toBe(day(0))
    expect(res.items).toHaveLength(8)
    expect(
      res.items
        .slice(0, 4)
        .every((c: { late: boolean; overdueDays: number }) => c.late && c.overdueDays === 2),
    ).toBe(true)
    expect(res.items[4]).toMatchObject({
      plannedDate: day(0),
      dayNumber: 3,
      status: 'planned',
      late: false,
      overdueDays: 0,
      assignedTo: null,
      measure: { kind: 'quarantine', startDate: day(-3), endDate: day(7), unreachedSince: null },
      person: { firstName: expect.stringMatching(/^Test/) },
    })
    expect(res.tracers.map((t: { name: string }) => t.name)).toEqual([
      'Ada Admin',
      'Per Sporer',
      'Tora Sporer',
    ])
    expect(res.subunits.length).toBeGreaterThan(0) // Oslo's bydeler
    expect(JSON.stringify(res)).not.toContain(bergenCallId)
  })

  it('400 for a bad filter; filters by sub-unit', async () => {
    expect((await f.oslo.inject({ url: '/api/followups/today?assignedTo=nobody' })).statusCode).toBe(400)
    const bydel = (await f.oslo.inject({ url: '/api/followups/today?subunit=030101' })).json()
    expect(bydel.items).toEqual([])
  })
})

describe('POST /api/followups/assign', () => {
  const assign = (payload: Record<string, unknown>, who = f.oslo) =>
    who.inject({ method: 'POST', url: '/api/followups/assign', payload })

  it('401, 400 per field, 404 for a call of another municipality, 400 for a tracer outside it', async () => {
    expect(
      (
        await f.anon({
          method: 'POST',
          url: '/api/followups/assign',
          payload: { callIds: [due[0]!.id], mode: 'unassign' },
        })
      ).statusCode,
    ).toBe(401)
    expect(fieldErrors((await assign({ callIds: [], mode: 'manual', tracerIds: [] })).json())).toEqual({
      'body.callIds': 'Velg minst én samtale',
      'body.tracerIds': 'Velg én smittesporer',
    })
    expect(
      (await assign({ callIds: [due[0]!.id, bergenCallId], mode: 'manual', tracerIds: [f.oslo.user.id] }))
        .statusCode,
    ).toBe(404)
    const outsider = await assign({ callIds: [due[0]!.id], mode: 'manual', tracerIds: [f.bergen.user.id] })
    expect(fieldErrors(outsider.json())).toEqual({
      'body.tracerIds.0': 'Brukeren har ikke tilgang i kommunen',
    })
  })

  it('deals calls out round-robin across the chosen tracers, then filters by tracer', async () => {
    const res = await assign({
      callIds: due.map((c) => c.id),
      mode: 'round-robin',
      tracerIds: [f.oslo.user.id, f.oslo2.user.id],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((i: { assignedTo: { name: string } }) => i.assignedTo.name)).toEqual([
      'Tora Sporer',
      'Per Sporer',
      'Tora Sporer',
      'Per Sporer',
    ])
    const mine = (await f.oslo.inject({ url: '/api/followups/today?assignedTo=me' })).json().items
    expect(mine.map((c: { id: string }) => c.id)).toEqual([due[0]!.id, due[2]!.id])
    const none = (await f.oslo.inject({ url: '/api/followups/today?assignedTo=none' })).json().items
    expect(none.map((c: { plannedDate: string }) => c.plannedDate)).toEqual(Array(4).fill(day(-2)))
    const [row] = await auditRows(f, '0301', { action: 'followup.assign' })
    expect(row?.payload).toMatchObject({ details: { mode: 'round-robin', calls: 4 } })
  })
})

describe('POST /api/followups/{id}/record', () => {
  const record = (id: string, payload: Record<string, unknown>, who = f.oslo) =>
    who.inject({ method: 'POST', url: `/api/followups/${id}/record`, payload })

  it('401, 400 per field, 404 across municipalities', async () => {
    const call = due[0]!
    expect(
      (
        await f.anon({
          method: 'POST',
          url: `/api/followups/${call.id}/record`,
          payload: { version: 1, reached: false },
        })
      ).statusCode,
    ).toBe(401)
    const bad = await record(call.id, {
      version: 1,
      reached: true,
      symptoms: false,
      onsetDate: day(-1),
      testResult: 'maybe',
    })
    expect(fieldErrors(bad.json())).toEqual({
      'body.testResult': 'Velg testsvar fra listen',
    })
    const inconsistent = await record(call.id, {
      version: 1,
      reached: true,
      symptoms: false,
      onsetDate: day(-1),
    })
    expect(fieldErrors(inconsistent.json())).toEqual({
      'body.onsetDate': 'Symptomstart krever at personen har symptomer',
    })
    const future = await record(call.id, { version: 1, reached: true, symptoms: true, onsetDate: day(2) })
    expect(fieldErrors(future.json())).toEqual({ 'body.onsetDate': 'Datoen kan ikke være fram i tid' })
    expect((await record(bergenCallId, { version: 1, reached: false })).statusCode).toBe(404)
  })

  it('records symptoms and a test; a contact with symptoms is offered the case path', async () => {
    const call = due[0]!
    const res = await record(call.id, {
      version: 1 + 1, // assigned once above
      reached: true,
      symptoms: true,
      symptomNotes: 'Feber og hoste',
      onsetDate: day(-1),
      tested: true,
      testDate: day(0),
      testResult: 'pending',
      needs: { food: true, medicine: true },
      remarks: 'Trenger handlehjelp',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      call: {
        status: 'done',
        reached: true,
        symptoms: true,
        onsetDate: day(-1),
        testResult: 'pending',
        needs: { food: true, medicine: true, practical: false, other: false },
        remarks: 'Trenger handlehjelp',
        doneBy: { name: 'Tora Sporer' },
        version: 3,
      },
      suggestCaseConversion: true,
      measure: { kind: 'quarantine', consecutiveUnreached: 0, unreachedSince: null },
    })
    expect(res.json().contactId).toEqual(expect.any(String))
    expect((await record(call.id, { version: 2, reached: false })).statusCode).toBe(409)
  })

  it('flags "ikke nådd" after three unreached calls in a row, and lifts it when reached', async () => {
    const measureId = due[1]!.measureId
    // Two earlier calls (made-up history) that did not reach the person.
    await inTenant(f.t.db.db, { kommune: '0301' }, async (trx) => {
      const m = await trx
        .selectFrom('measures')
        .select(['person_id'])
        .where('id', '=', measureId)
        .executeTakeFirstOrThrow()
      for (const n of [2, 1])
        await trx
          .insertInto('followup_calls')
          .values({
            kommune: '0301',
            measure_id: measureId,
            person_id: m.person_id,
            planned_date: day(-n),
            day_number: 3 - n,
            status: 'done',
            done_at: new Date(Date.now() - n * 86_400_000),
            reached: false,
          })
          .execute()
    })
    const third = await record(due[1]!.id, { version: 2, reached: false, remarks: 'Tok ikke telefonen' })
    expect(third.json().measure).toMatchObject({
      consecutiveUnreached: 3,
      unreachedSince: expect.any(String),
    })
    const today = (await f.oslo.inject({ url: '/api/followups/today' })).json().items
    expect(today.map((c: { id: string }) => c.id)).not.toContain(due[1]!.id)
    const measure = (await f.oslo.inject({ url: `/api/measures/${measureId}` })).json()
    expect(measure.unreachedSince).not.toBeNull()
    expect(measure.events.at(-1)).toMatchObject({
      action: 'flag-unreached',
      reason: '3 samtaler på rad uten svar',
    })
    const reached = await record(due[1]!.id, { version: 3, reached: true, symptoms: false })
    expect(reached.json()).toMatchObject({
      measure: { consecutiveUnreached: 0, unreachedSince: null },
      suggestCaseConversion: false,
    })
  })

  it('keeps calls made when the dates change', async () => {
    const call = due[2]!
    expect((await record(call.id, { version: 2, reached: true, symptoms: false })).statusCode).toBe(200)
    const m = (await f.oslo.inject({ url: `/api/measures/${call.measureId}` })).json()
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${call.measureId}/adjust`,
      payload: { version: m.version, action: 'shorten', endDate: day(2), reason: 'Negativ test' },
    })
    expect(
      res.json().calls.map((c: { plannedDate: string; status: string }) => [c.plannedDate, c.status]),
    ).toEqual([
      [day(-2), 'planned'],
      [day(0), 'done'],
      [day(2), 'planned'],
      [day(4), 'cancelled'],
      [day(7), 'cancelled'],
    ])
  })
})

describe('follow-up settings', () => {
  it('tracers read the defaults, only the Administrator saves, 409 on a stale version', async () => {
    expect((await f.oslo.inject({ url: '/api/followups/settings' })).json()).toEqual({
      scheduleDays: [1, 3, 7],
      includeLastDay: true,
      unreachedLimit: 3,
      reminderDaysBefore: 1,
      version: 0,
    })
    const next = {
      scheduleDays: [5, 2, 2],
      includeLastDay: false,
      unreachedLimit: 2,
      reminderDaysBefore: null,
      version: 0,
    }
    expect(
      (await f.oslo.inject({ method: 'PUT', url: '/api/followups/settings', payload: next })).statusCode,
    ).toBe(403)
    const bad = await f.osloAdmin.inject({
      method: 'PUT',
      url: '/api/followups/settings',
      payload: { ...next, unreachedLimit: 0 },
    })
    expect(fieldErrors(bad.json())).toEqual({ 'body.unreachedLimit': 'Må være minst 1' })
    const saved = await f.osloAdmin.inject({ method: 'PUT', url: '/api/followups/settings', payload: next })
    expect(saved.json()).toEqual({ ...next, scheduleDays: [2, 5], version: 1 })
    expect(
      (await f.osloAdmin.inject({ method: 'PUT', url: '/api/followups/settings', payload: next })).statusCode,
    ).toBe(409)
    expect((await f.bergen.inject({ url: '/api/followups/settings' })).json().version).toBe(0)
  })
})
