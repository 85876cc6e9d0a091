import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoWeekOf } from '../../../shared/domain/isoWeek'
import { inTenant } from '../../db/tenant'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
} from '../cases/casework.fixtures'

/**
 * Sub-unit ownership end to end (issue 19): a tracer's default unit, new records owned by it (or
 * by the unit chosen, or by the municipality), an audited change of owner, the case list filtered
 * by unit and the weekly report per sub-unit.
 */
let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

const ownerOf = (table: 'cases' | 'contacts' | 'events', id: string) =>
  inTenant(
    f.t.db.db,
    { kommune: '0301' },
    async (trx) =>
      (await trx.selectFrom(table).select('owner_unit').where('id', '=', id).executeTakeFirstOrThrow())
        .owner_unit,
  )

describe('owner units', () => {
  let defaultCase: string
  let eventId: string
  it('without a default, new records are owned by the municipality', async () => {
    const c = await createCase(f.oslo)
    expect(await ownerOf('cases', c.id)).toBe('0301')
    const d = (await f.oslo.inject({ url: '/api/me/default-unit' })).json()
    expect(d).toMatchObject({ kommune: '0301', unit: null })
    expect(d.units.map((u: { code: string }) => u.code)).toContain('030101')
  })

  it('a default unit of another municipality is refused with a field path', async () => {
    const res = await f.oslo.inject({
      method: 'PUT',
      url: '/api/me/default-unit',
      payload: { unit: '460101' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('body.unit')
  })

  it('with a default, new cases, contacts and events get it; an explicit choice wins', async () => {
    const set = await f.oslo.inject({
      method: 'PUT',
      url: '/api/me/default-unit',
      payload: { unit: '030101' },
    })
    expect(set.statusCode).toBe(200)
    expect(set.json().unit).toBe('030101')
    expect((await auditRows(f, '0301', { action: 'user.default-unit' })).length).toBe(1)

    const c = await createCase(f.oslo)
    defaultCase = c.id
    expect(await ownerOf('cases', c.id)).toBe('030101')
    const k = await addContact(f.oslo, c.id)
    expect(await ownerOf('contacts', k.contactId)).toBe('030101')
    const chosen = await addContact(f.oslo, c.id, { ownerUnit: '030102' })
    expect(await ownerOf('contacts', chosen.contactId)).toBe('030102')
    const e = await f.oslo.inject({
      method: 'POST',
      url: '/api/events',
      payload: { name: 'Julebord', exposureSetting: 'workplace' },
    })
    expect(e.statusCode).toBe(201)
    eventId = e.json().id
    expect(await ownerOf('events', eventId)).toBe('030101')
    // Another tracer without a default still creates records owned by the municipality.
    const other = await createCase(f.oslo2)
    expect(await ownerOf('cases', other.id)).toBe('0301')
    const bad = await createCase(f.oslo2, { ownerUnit: '460101' }).catch((err: Error) => err.message)
    expect(bad).toMatch(/400.*body\.ownerUnit/)
  })

  it('the owner can be changed later, audited; another municipality’s record is 404', async () => {
    const res = await f.oslo.inject({
      method: 'PUT',
      url: `/api/owner-unit/cases/${defaultCase}`,
      payload: { unit: '030102' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: defaultCase, ownerUnit: '030102', previous: '030101' })
    const audited = await auditRows(f, '0301', { action: 'case.owner-unit', recordId: defaultCase })
    expect(audited).toHaveLength(1)
    expect(
      (
        await f.bergen.inject({
          method: 'PUT',
          url: `/api/owner-unit/cases/${defaultCase}`,
          payload: { unit: '4601' },
        })
      ).statusCode,
    ).toBe(404)
    expect(
      (
        await f.osloReport.inject({
          method: 'PUT',
          url: `/api/owner-unit/cases/${defaultCase}`,
          payload: { unit: '0301' },
        })
      ).statusCode,
    ).toBe(403)
  })

  it('the case list filters by unit', async () => {
    const list = async (unit: string) =>
      (await f.oslo.inject({ url: `/api/cases?unit=${unit}` })).json().items.map((c: { id: string }) => c.id)
    expect(await list('030102')).toEqual([defaultCase])
    expect(await list('030101')).not.toContain(defaultCase)
    expect((await list('0301')).length).toBeGreaterThanOrEqual(3)
    expect((await f.oslo.inject({ url: '/api/cases?unit=460101' })).statusCode).toBe(400)
    const events = async (unit: string) =>
      (await f.oslo.inject({ url: `/api/events?unit=${unit}` })).json().items.map((e: { id: string }) => e.id)
    expect(await events('030101')).toEqual([eventId])
    expect(await events('030102')).toEqual([])
  })

  it('the weekly report per sub-unit counts the records of that unit', async () => {
    const week = isoWeekOf(day(-2)).key
    const unit = async (u: string) =>
      (await f.osloReport.inject({ url: `/api/reports/weekly/${week}?unit=${u}` })).json().draft.view
    expect((await unit('030102')).cases).toBe(1)
    const whole = (await f.osloReport.inject({ url: `/api/reports/weekly/${week}` })).json().draft.view
    expect(whole.cases).toBeGreaterThanOrEqual(3)
  })
})
