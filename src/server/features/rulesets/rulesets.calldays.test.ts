import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase, day, fieldErrors } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'

/** Issue 18: follow-up call days per measure kind come from the rule set in force. */
let f: MeasuresFixture
let testB: Record<string, unknown> & { version: number }

beforeAll(async () => {
  f = await measuresFixture()
  testB = (await f.operator.inject({ url: '/api/rulesets' }))
    .json()
    .items.find((r: { id: string }) => r.id === 'test-b')
})
afterAll(() => f.t.close())

const put = (quarantine: Record<string, unknown>, version: number) =>
  f.operator.inject({
    method: 'PUT',
    url: '/api/rulesets/test-b',
    payload: {
      name: testB.name,
      validFrom: testB.validFrom,
      validTo: testB.validTo,
      source: testB.source,
      isolation: { days: 7, callDays: [1, 2] },
      quarantine,
      version,
    },
  })

describe('call days in the rule set', () => {
  it('the operator sets them per kind (checked), and quarantines get their calls on those days', async () => {
    const bad = await put({ days: 10, testOutDay: 7, callDays: [-1] }, testB.version)
    expect(fieldErrors(bad.json())).toEqual({
      'body.quarantine.callDays.0': 'Samtaledag må være 0 eller mer',
    })
    const saved = await put({ days: 10, testOutDay: 7, callDays: [4, 2, 2] }, testB.version)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({
      quarantine: { days: 10, callDays: [2, 4] },
      isolation: { days: 7, callDays: [1, 2] },
    })
    const caseId = (await createCase(f.oslo)).id
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-3))
    // Days 2 and 4 of the rule set (day 2 already past: late) and the last day (10).
    expect(
      measure.calls.map((c: { plannedDate: string; dayNumber: number; late: boolean }) => [
        c.plannedDate,
        c.dayNumber,
        c.late,
      ]),
    ).toEqual([
      [day(-1), 2, true],
      [day(1), 4, false],
      [day(7), 10, false],
    ])
    // Used now: the call days are frozen like the durations.
    const change = await put({ days: 10, testOutDay: 7, callDays: [1] }, saved.json().version)
    expect(change.json()).toMatchObject({ code: 'rule-set-in-use', fields: ['quarantine_call_days'] })
  })
})
