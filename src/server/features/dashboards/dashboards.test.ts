import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysOslo } from '../../../shared/domain/dates'
import { asOwner } from '../../audit/test-helpers'
import { type ReportingFixture, reportingFixture } from '../reports/reports.fixtures'
import { todayOslo } from '../reports/reports.service'

let f: ReportingFixture
const today = todayOslo()

beforeAll(async () => {
  f = await reportingFixture()
  // Measures in force today: one isolation, one quarantine (and one that ended yesterday); follow-up
  // calls due today, overdue and done.
  await asOwner(f.t.db, async (c) => {
    const one = async (text: string, values: unknown[]) => (await c.query(text, values)).rows[0]
    const kase = await one(
      `select c.id, c.person_id from cases c
        where c.kommune = '0301' and exists (select 1 from contacts k where k.case_id = c.id) and c.test_date = '2020-12-28'`,
      [],
    )
    const contact = await one(
      `select id, person_id from contacts where kommune = '0301' and case_id = $1 limit 1`,
      [kase.id],
    )
    const measure = async (
      kind: string,
      ref: { id: string; person_id: string },
      start: string,
      end: string,
    ) =>
      (
        await one(
          `insert into measures (kommune, owner_unit, person_id, kind, case_id, contact_id, start_date, end_date, status, override_reason)
           values ('0301', '0301', $1, $2, $3, $4, $5, $6, 'active', 'test') returning id`,
          [
            ref.person_id,
            kind,
            kind === 'isolation' ? ref.id : null,
            kind === 'quarantine' ? ref.id : null,
            start,
            end,
          ],
        )
      ).id as string
    const iso = await measure('isolation', kase, addDaysOslo(today, -3), addDaysOslo(today, 4))
    await measure('quarantine', contact, addDaysOslo(today, -1), today)
    await measure('quarantine', contact, addDaysOslo(today, -10), addDaysOslo(today, -1))
    for (const [planned, status] of [
      [today, 'planned'],
      [addDaysOslo(today, -1), 'planned'],
      [addDaysOslo(today, -2), 'planned'],
      [addDaysOslo(today, 1), 'planned'],
    ] as const)
      await c.query(
        `insert into followup_calls (kommune, measure_id, person_id, planned_date, day_number, status)
         values ('0301', $1, $2, $3, 1, $4)`,
        [iso, kase.person_id, planned, status],
      )
  })
})
afterAll(() => f.t.close())

const url = '/api/dashboards/kommune?from=2020-12-28&to=2021-01-10'

describe('GET /api/dashboards/kommune', () => {
  it('401, 400 per field, 403 for national roles', async () => {
    expect((await f.anon({ url })).statusCode).toBe(401)
    const bad = await f.osloReport.inject({ url: '/api/dashboards/kommune?from=2021-02-01&to=2021-01-01' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('querystring.to')
    const long = await f.osloReport.inject({ url: '/api/dashboards/kommune?from=2019-01-01&to=2021-01-01' })
    expect(long.json().errors[0].path).toBe('querystring.from')
    expect((await f.osloReport.inject({ url: `${url}&dateBasis=x` })).statusCode).toBe(400)
    expect((await f.fhi.inject({ url })).statusCode).toBe(403)
    expect((await f.osloReport.inject({ url: `${url}&unit=460101` })).statusCode).toBe(404)
  })

  it('the report user’s dashboard over the year boundary', async () => {
    const res = await f.osloReport.inject({ url })
    expect(res.statusCode).toBe(200)
    const d = res.json()
    expect(d).toMatchObject({
      from: '2020-12-28',
      to: '2021-01-10',
      dateBasis: 'test',
      unit: null,
      canOpenLists: false,
    })
    expect(d.epiCurve).toHaveLength(14)
    const curve = Object.fromEntries(
      d.epiCurve.map((p: { date: string; cases: number }) => [p.date, p.cases]),
    )
    expect(curve).toMatchObject({
      '2020-12-28': 2,
      '2020-12-29': 3,
      '2020-12-30': 3,
      '2020-12-31': 3,
      '2021-01-01': 1,
      '2021-01-02': 1,
      '2021-01-03': 1,
      '2021-01-04': 2,
      '2021-01-05': 0,
    })
    expect(d.weekly).toEqual([
      {
        week: '2020-W53',
        start: '2020-12-28',
        cases: 14,
        confirmed: 13,
        contacts: 5,
        knownContact: 8,
        knownContactShare: 0.6154,
        outbreak: 3,
      },
      {
        week: '2021-W01',
        start: '2021-01-04',
        cases: 2,
        confirmed: 2,
        contacts: 1,
        knownContact: 0,
        knownContactShare: 0,
        outbreak: 0,
      },
    ])
    expect(d.totals).toEqual({
      cases: 16,
      confirmed: 15,
      contacts: 6,
      knownContact: 8,
      knownContactShare: 0.5333,
      outbreak: 3,
    })
    // A1 has five registered contacts, the other 15 cases none.
    expect(d.contactsPerCase).toEqual({ cases: 16, mean: 0.31, median: 0 })
    expect(d.today).toEqual({ date: today, isolation: 1, quarantine: 1 })
    expect(d.followUps).toEqual({ due: 1, overdue: 2 })
    expect(d.outbreaks).toEqual({ active: 2, items: null })
    expect(d.settings[0]).toEqual({ setting: 'household', confirmed: 7, knownContact: 0, outbreak: 0 })
    expect(d.settings[9]).toEqual({ setting: 'unknown', confirmed: 1, knownContact: 8, outbreak: 0 })
    expect(d.settings[1]).toEqual({ setting: 'kindergarten', confirmed: 1, knownContact: 0, outbreak: 0 })
  })

  it('the tracer may open the lists and sees the outbreaks by name', async () => {
    const d = (await f.osloTracer.inject({ url })).json()
    expect(d.canOpenLists).toBe(true)
    expect(d.outbreaks.items.map((o: { name: string; cases: number }) => [o.name, o.cases]).sort()).toEqual([
      ['Utbrudd fest', 1],
      ['Utbrudd skole', 2],
    ])
  })

  it('by symptom onset, and for one bydel', async () => {
    const onset = (await f.osloReport.inject({ url: `${url}&dateBasis=onset` })).json()
    expect(onset.epiCurve.filter((p: { cases: number }) => p.cases > 0)).toEqual([
      { date: '2020-12-29', cases: 1 },
    ])
    const bydel = (await f.osloReport.inject({ url: `${url}&unit=030101` })).json()
    expect(bydel.unit).toMatchObject({ code: '030101' })
    expect(bydel.totals).toEqual({
      cases: 2,
      confirmed: 2,
      contacts: 2,
      knownContact: 1,
      knownContactShare: 0.5,
      outbreak: 1,
    })
    expect(bydel.today).toMatchObject({ isolation: 0, quarantine: 0 })
    expect(bydel.followUps).toEqual({ due: 0, overdue: 0 })
  })

  it('Bergen’s dashboard holds none of Oslo’s figures', async () => {
    const d = (await f.bergenReport.inject({ url })).json()
    expect(d.totals).toMatchObject({ cases: 1, contacts: 1 })
    expect(d.outbreaks.active).toBe(0)
    expect(d.today).toMatchObject({ isolation: 0, quarantine: 0 })
  })
})

describe('saved reports (faste rapporter)', () => {
  const definition = {
    period: { kind: 'fixed', from: '2020-12-28', to: '2021-01-10' },
    unit: null,
    measures: ['cases', 'contacts', 'knownContactShare'],
    breakdown: 'week',
  }
  let id: string

  it('401, 400, then saved for the municipality', async () => {
    expect((await f.anon({ url: '/api/reports/saved' })).statusCode).toBe(401)
    const bad = await f.osloReport.inject({
      method: 'POST',
      url: '/api/reports/saved',
      payload: { name: '', definition: { ...definition, measures: [] } },
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.definition.measures', 'body.name'])
    const res = await f.osloReport.inject({
      method: 'POST',
      url: '/api/reports/saved',
      payload: { name: 'Ukestall', definition },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Ukestall', version: 1, createdBy: 'Randi Rapport', definition })
    id = res.json().id
    const dup = await f.osloTracer.inject({
      method: 'POST',
      url: '/api/reports/saved',
      payload: { name: 'ukestall', definition },
    })
    expect(dup.statusCode).toBe(409)
    expect((await f.osloTracer.inject({ url: '/api/reports/saved' })).json().items).toHaveLength(1)
    expect((await f.bergenReport.inject({ url: '/api/reports/saved' })).json().items).toEqual([])
  })

  it('reopens as a table across the year boundary, exports, and stays in its municipality', async () => {
    const table = (await f.osloReport.inject({ url: `/api/reports/saved/${id}/table` })).json()
    expect(table).toEqual({
      name: 'Ukestall',
      from: '2020-12-28',
      to: '2021-01-10',
      breakdown: 'week',
      measures: ['cases', 'contacts', 'knownContactShare'],
      rows: [
        { key: '2020-W53', label: '2020-W53', values: [14, 5, 0.6154] },
        { key: '2021-W01', label: '2021-W01', values: [2, 1, 0] },
        { key: 'total', label: 'Sum', values: [16, 6, 0.5333] },
      ],
    })
    const csv = await f.osloReport.inject({ url: `/api/reports/saved/${id}/export?format=csv` })
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 2),
    ).toEqual(['Rad;Nye tilfeller;Nye nærkontakter;Andel kjent nærkontakt', '2020-W53;14;5;61,5'])
    expect((await f.bergenReport.inject({ url: `/api/reports/saved/${id}/table` })).statusCode).toBe(404)
    expect(
      (await f.bergenReport.inject({ method: 'DELETE', url: `/api/reports/saved/${id}` })).statusCode,
    ).toBe(404)
  })

  it('by setting and by sub-unit', async () => {
    const put = await f.osloReport.inject({
      method: 'PUT',
      url: `/api/reports/saved/${id}`,
      payload: {
        name: 'Smittesteder',
        definition: { ...definition, breakdown: 'setting', measures: ['confirmed', 'outbreak'] },
        version: 1,
      },
    })
    expect(put.statusCode).toBe(200)
    expect(put.json().version).toBe(2)
    const stale = await f.osloReport.inject({
      method: 'PUT',
      url: `/api/reports/saved/${id}`,
      payload: { name: 'x', definition, version: 1 },
    })
    expect(stale.statusCode).toBe(409)
    const bySetting = (await f.osloReport.inject({ url: `/api/reports/saved/${id}/table` })).json()
    expect(bySetting.rows[0]).toEqual({ key: 'household', label: 'husstand', values: [7, 0] })
    expect(bySetting.rows[2]).toEqual({ key: 'school', label: 'skole (1.-12. trinn)', values: [2, 2] })
    expect(bySetting.rows[10]).toEqual({ key: 'total', label: 'Sum', values: [15, 3] })

    await f.osloReport.inject({
      method: 'PUT',
      url: `/api/reports/saved/${id}`,
      payload: {
        name: 'Bydeler',
        definition: { ...definition, breakdown: 'unit', unit: '030101', measures: ['cases'] },
        version: 2,
      },
    })
    const byUnit = (await f.osloReport.inject({ url: `/api/reports/saved/${id}/table` })).json()
    expect(byUnit.rows).toEqual([
      { key: '030101', label: 'Gamle Oslo', values: [2] },
      { key: 'total', label: 'Sum', values: [2] },
    ])
  })

  it('deletes', async () => {
    expect((await f.osloAdmin.inject({ method: 'DELETE', url: `/api/reports/saved/${id}` })).json()).toEqual({
      deleted: true,
    })
    expect((await f.osloReport.inject({ url: `/api/reports/saved/${id}/table` })).statusCode).toBe(404)
  })
})
