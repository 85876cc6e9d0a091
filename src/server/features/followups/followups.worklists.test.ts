import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase, day, fieldErrors } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'

/** Issue 18: help needs and symptoms on "Dagens oppfølging", and the "Symptomer meldt" list. */
let f: MeasuresFixture
let sick: Awaited<ReturnType<typeof quarantinedContact>>
let hungry: Awaited<ReturnType<typeof quarantinedContact>>
let quiet: Awaited<ReturnType<typeof quarantinedContact>>

const record = (id: string, payload: Record<string, unknown>) =>
  f.oslo.inject({ method: 'POST', url: `/api/followups/${id}/record`, payload: { version: 1, ...payload } })
const today = async (qs = '') => (await f.oslo.inject({ url: `/api/followups/today${qs}` })).json()

beforeAll(async () => {
  f = await measuresFixture()
  const caseId = (await createCase(f.oslo)).id
  // Exposure day(-3): day 1 (day(-2), late) is recorded; day 3 (today) is due.
  sick = await quarantinedContact(f.oslo, caseId, day(-3))
  hungry = await quarantinedContact(f.oslo, caseId, day(-3))
  quiet = await quarantinedContact(f.oslo, caseId, day(-3))
  await record(sick.measure.calls[0].id, {
    reached: true,
    symptoms: true,
    symptomNotes: 'Hodepine',
    onsetDate: day(-2),
    remarks: 'Ring før kl. 12',
  })
  await record(hungry.measure.calls[0].id, { reached: true, symptoms: false, needs: { food: true } })
  await record(quiet.measure.calls[0].id, { reached: true, symptoms: false })
})
afterAll(() => f.t.close())

describe('"Dagens oppfølging" with help needs and symptoms', () => {
  it('shows what the person said on the latest call', async () => {
    const res = await today()
    const of = (m: { id: string }) => res.items.find((i: { measureId: string }) => i.measureId === m.id)
    expect(of(hungry.measure).lastReport).toMatchObject({
      needs: { food: true, medicine: false, practical: false, other: false },
      symptoms: false,
    })
    expect(of(sick.measure).lastReport).toMatchObject({ symptoms: true })
    expect(of(quiet.measure).lastReport.needs.food).toBe(false)
  })

  it('filters by help need and by symptoms; 400 for an unknown need', async () => {
    const ids = (r: { items: { measureId: string }[] }) => r.items.map((i) => i.measureId)
    expect(ids(await today('?needs=any'))).toEqual([hungry.measure.id])
    expect(ids(await today('?needs=food'))).toEqual([hungry.measure.id])
    expect(ids(await today('?needs=medicine'))).toEqual([])
    expect(ids(await today('?symptoms=true'))).toEqual([sick.measure.id])
    const bad = await f.oslo.inject({ url: '/api/followups/today?needs=cake' })
    expect(fieldErrors(bad.json())).toEqual({ 'querystring.needs': 'Velg behov fra listen' })
  })
})

describe('"Symptomer meldt"', () => {
  it('lists contacts who reported symptoms and are not yet cases; registering the case takes them off', async () => {
    expect((await f.osloReport.inject({ url: '/api/followups/symptoms' })).statusCode).toBe(403)
    const list = (await f.oslo.inject({ url: '/api/followups/symptoms' })).json()
    expect(list.items).toHaveLength(1)
    const item = list.items[0]
    expect(item).toMatchObject({
      contactId: sick.contact.contactId,
      contactVersion: 1,
      symptoms: true,
      symptomNotes: 'Hodepine',
      measure: { id: sick.measure.id },
    })
    expect(JSON.stringify(list)).not.toContain(f.bergen.user.id)
    const converted = await f.oslo.inject({
      method: 'POST',
      url: `/api/contacts/${item.contactId}/convert-to-case`,
      payload: { testDate: day(0), fromCallId: item.id, version: item.contactVersion },
    })
    expect(converted.statusCode, converted.body).toBe(201)
    expect(converted.json()).toMatchObject({
      onsetDate: day(-2),
      notes: expect.stringContaining('Ring før kl. 12'),
      measures: { quarantine: { status: 'ended' }, isolation: { startDate: day(0) } },
    })
    expect((await f.oslo.inject({ url: '/api/followups/symptoms' })).json().items).toEqual([])
    // The converted person's quarantine calls are cancelled, so they leave "Dagens oppfølging" too.
    const due = await today()
    expect(due.items.map((i: { measureId: string }) => i.measureId)).not.toContain(sick.measure.id)
  })
})

describe('POST /api/followups/close-late', () => {
  it('closes the late calls ("etterregistrert") in one action: cancelled with the reason, kept', async () => {
    const caseId = (await createCase(f.oslo)).id
    // Exposure day(-5): days 1 and 3 (day(-4), day(-2)) were past at registration.
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-5))
    const close = (payload: Record<string, unknown>) =>
      f.oslo.inject({ method: 'POST', url: '/api/followups/close-late', payload })
    expect(fieldErrors((await close({ measureId: measure.id, reason: 'x' })).json())).toEqual({
      'body.reason': 'Oppgi en begrunnelse (minst 3 tegn)',
    })
    expect((await close({ measureId: crypto.randomUUID(), reason: 'Registrert for sent' })).statusCode).toBe(
      404,
    )
    const res = await close({ measureId: measure.id, reason: 'Registrert for sent' })
    expect(res.json()).toEqual({ closed: 2 })
    const after = (await f.oslo.inject({ url: `/api/measures/${measure.id}` })).json()
    expect(
      after.calls.map(
        (c: { plannedDate: string; status: string; cancelReason: string | null; late: boolean }) => [
          c.plannedDate,
          c.status,
          c.cancelReason,
          c.late,
        ],
      ),
    ).toEqual([
      [day(-4), 'cancelled', 'Registrert for sent', true],
      [day(-2), 'cancelled', 'Registrert for sent', true],
      [day(2), 'planned', null, false],
      [day(5), 'planned', null, false],
    ])
  })
})
