import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRows, createCase, day } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from './measures.fixtures'
import { RECOMPUTE_CALL_REASON } from './measures.recompute'

/** Issue 18: changed facts recompute the measures and re-plan the calls, in the same transaction. */
let f: MeasuresFixture
let caseId: string

beforeAll(async () => {
  f = await measuresFixture()
  caseId = (await createCase(f.oslo)).id
})
afterAll(() => f.t.close())

type Call = { id: string; plannedDate: string; status: string; cancelReason: string | null; late: boolean }
const rows = (calls: Call[]) => calls.map((c) => [c.plannedDate, c.status, c.cancelReason])
const measure = async (id: string) => (await f.oslo.inject({ url: `/api/measures/${id}` })).json()

describe("moving a contact's last exposure", () => {
  it('recomputes the dates, keeps calls made and re-plans the rest (cancelled, kept), audited', async () => {
    // test-b, 10 days: exposure day(-2) → end day(8); calls day(-1) (late), day(1), day(5), day(8).
    const { contact, measure: m } = await quarantinedContact(f.oslo, caseId, day(-2))
    const first = m.calls[0]
    const made = await f.oslo.inject({
      method: 'POST',
      url: `/api/followups/${first.id}/record`,
      payload: { version: 1, reached: false },
    })
    expect(made.statusCode).toBe(200)
    const moved = await f.oslo.inject({
      method: 'PATCH',
      url: `/api/contacts/${contact.contactId}`,
      payload: { version: 1, lastExposure: day(-4) },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const after = await measure(m.id)
    expect(after).toMatchObject({
      startDate: day(-4),
      endDate: day(6),
      computedStart: day(-4),
      computedEnd: day(6),
      basisDate: day(-4),
      adjusted: false,
      status: 'active',
    })
    expect(after.events.at(-1)).toMatchObject({
      action: 'recompute',
      fromStart: day(-2),
      toStart: day(-4),
      fromEnd: day(8),
      toEnd: day(6),
      reason: expect.stringMatching(/^Siste eksponering endret fra .* til /),
    })
    // Days 1, 3, 7 and 10 from day(-4): day(-3) (late), day(-1) (made, not reached), day(3), day(6).
    expect(rows(after.calls)).toEqual([
      [day(-3), 'planned', null],
      [day(-1), 'not_reached', null],
      [day(1), 'cancelled', RECOMPUTE_CALL_REASON],
      [day(3), 'planned', null],
      [day(5), 'cancelled', RECOMPUTE_CALL_REASON],
      [day(6), 'planned', null],
      [day(8), 'cancelled', RECOMPUTE_CALL_REASON],
    ])
    expect(after.calls[0].late).toBe(true)
    const [row] = await auditRows(f, '0301', { action: 'measure.recompute', recordId: m.id })
    expect(row?.payload).toMatchObject({
      changes: expect.arrayContaining([{ field: 'end_date', before: day(8), after: day(6) }]),
    })
  })

  it('keeps an end set by hand and stores what the rules would now give', async () => {
    const { contact, measure: m } = await quarantinedContact(f.oslo, caseId, day(-2))
    const extended = await f.oslo.inject({
      method: 'POST',
      url: `/api/measures/${m.id}/adjust`,
      payload: { version: 1, action: 'extend', endDate: day(12), reason: 'Ny eksponering i husstanden' },
    })
    expect(extended.statusCode).toBe(200)
    await f.oslo.inject({
      method: 'PATCH',
      url: `/api/contacts/${contact.contactId}`,
      payload: { version: 1, lastExposure: day(-1) },
    })
    const after = await measure(m.id)
    expect(after).toMatchObject({
      startDate: day(-1),
      endDate: day(12),
      computedEnd: day(9),
      adjusted: true,
    })
    expect(after.events.at(-1).reason).toMatch(/satt manuelt og beholdt; reglene gir nå/)
  })

  it('an unchanged exposure changes nothing', async () => {
    const { contact, measure: m } = await quarantinedContact(f.oslo, caseId, day(-2))
    await f.oslo.inject({
      method: 'PATCH',
      url: `/api/contacts/${contact.contactId}`,
      payload: { version: 1, notes: 'Ringt' },
    })
    expect((await measure(m.id)).events.map((e: { action: string }) => e.action)).toEqual(['start'])
  })
})

describe("changing a case's onset or test date", () => {
  it("recomputes the isolation and the case's isolation end", async () => {
    const c = await createCase(f.oslo, { testDate: day(-2), symptomatic: false, onsetDate: null })
    const started = await f.oslo.inject({
      method: 'POST',
      url: '/api/measures',
      payload: { kind: 'isolation', caseId: c.id },
    })
    expect(started.json()).toMatchObject({ basis: 'test', startDate: day(-2), endDate: day(5) })
    const detail = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    const patched = await f.oslo.inject({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: detail.version, symptomatic: true, onsetDate: day(-3) },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json().isolationEnd).toBe(day(4))
    const after = await measure(started.json().id)
    expect(after).toMatchObject({ basis: 'onset', startDate: day(-2), endDate: day(4), computedEnd: day(4) })
    expect(after.events.at(-1)).toMatchObject({
      action: 'recompute',
      reason: expect.stringMatching(/^Symptomstart endret fra \(ingen\) til /),
    })
    // 7 days from the test became 7 from the onset: the old last day is cancelled (kept), the new one planned.
    expect(rows(after.calls).map(([d, s]) => [d, s])).toEqual([
      [day(-1), 'planned'],
      [day(1), 'planned'],
      [day(4), 'planned'],
      [day(5), 'cancelled'],
    ])
  })
})
