import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysOslo } from '../../../shared/domain/dates'
import { isoWeekOf, weekRange } from '../../../shared/domain/isoWeek'
import { buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { type CaseworkFixture, caseworkFixture, day } from '../cases/casework.fixtures'
import { nid, workbook } from '../imports/__fixtures__/fixtures'
import { commit, uploadAndValidate } from '../imports/imports.test-helpers'

/**
 * Earlier registrations imported after a week was submitted (issue 19): they count in their own
 * week (test date, last exposure), not in the week of the import; the submitted week is marked
 * "endret etter innsending" in the municipality's list and in FHI's overview, and FHI sees every
 * version once the municipality resubmits.
 */
let f: CaseworkFixture
let fhi: LoggedIn
let operator: LoggedIn
// A finished week three weeks back, and this week (when the import is made).
const week = isoWeekOf(day(-21)).key
const range = weekRange(week)
const thisWeek = isoWeekOf(day(0)).key
const dmy = (iso: string) => iso.split('-').reverse().join('.')

beforeAll(async () => {
  f = await caseworkFixture()
  fhi = await loginAs(
    f.t.app,
    await buildUser(f.t.db.db, { name: 'Fredrik Analytiker', roles: [{ role: 'fhi' }] }),
  )
  operator = await loginAs(
    f.t.app,
    await buildUser(f.t.db.db, { name: 'Olga Operatør', roles: [{ role: 'operator' }] }),
  )
})
afterAll(() => f.t.close())

const report = async (w: string) => (await f.osloReport.inject({ url: `/api/reports/weekly/${w}` })).json()
const listed = async () =>
  (
    (await f.osloReport.inject({ url: '/api/reports/weekly?weeks=6' })).json().items as { week: string }[]
  ).find((i) => i.week === week)

describe('imported earlier registrations count in their own weeks', () => {
  it('the week is submitted empty first', async () => {
    const res = await f.osloReport.inject({
      method: 'POST',
      url: `/api/reports/weekly/${week}/submit`,
      payload: {},
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().submitted.view).toMatchObject({ cases: 0, contacts: 0 })
    expect(await listed()).toMatchObject({ version: 1, changedAfterSubmission: false, changes: [] })
  })

  it('an import of two cases and three contact records (two persons) changes that week’s draft', async () => {
    const tuesday = addDaysOslo(range.start, 1)
    const file = await workbook({
      cases: [
        {
          externalId: 'B1',
          nationalId: nid('1981-02-03'),
          firstName: 'Berit',
          lastName: 'Bakover',
          testDate: dmy(tuesday),
          testType: 'PCR',
        },
        {
          externalId: 'B2',
          nationalId: nid('1977-04-05'),
          firstName: 'Bjarne',
          lastName: 'Bakover',
          testDate: dmy(tuesday),
          testType: 'PCR',
        },
      ],
      contacts: [
        // One person, close contact of both cases: one new close contact.
        {
          caseRef: 'B1',
          nationalId: nid('2001-06-07'),
          firstName: 'Kim',
          lastName: 'Kontakt',
          lastExposure: dmy(range.start),
        },
        {
          caseRef: 'B2',
          nationalId: nid('2001-06-07'),
          firstName: 'Kim',
          lastName: 'Kontakt',
          lastExposure: dmy(range.start),
        },
        {
          caseRef: 'B1',
          nationalId: nid('1999-08-09'),
          firstName: 'Kari',
          lastName: 'Kontakt',
          lastExposure: dmy(range.start),
        },
      ],
    })
    const run = await uploadAndValidate(f.t.app, f.oslo, 'tidligere.xlsx', file)
    expect(run.counts).toMatchObject({ errors: 0 })
    const { body } = await commit(f.t.app, f.oslo, run.id)
    expect(body.state).toBe('committed')

    const r = await report(week)
    expect(r.draft.view).toMatchObject({ cases: 2, confirmed: 2, contacts: 2, registered: 0 })
    expect(r.submitted.view).toMatchObject({ cases: 0, contacts: 0 })
    expect(r.changes).toEqual(
      expect.arrayContaining([
        { field: 'cases', submitted: 0, draft: 2 },
        { field: 'contacts', submitted: 0, draft: 2 },
      ]),
    )
    // The week of the import gets the workload, not the cases or contacts.
    const now = await report(thisWeek)
    expect(now.draft.view).toMatchObject({ cases: 0, contacts: 0, registered: 3 })
  })

  it('the municipality’s list marks the week "endret etter innsending"', async () => {
    const item = await listed()
    expect(item).toMatchObject({ version: 1, changedAfterSubmission: true })
    expect((item as unknown as { changes: unknown[] }).changes.length).toBeGreaterThan(0)
  })

  it('FHI’s overview marks it too, with the differences (the operator sees only the mark)', async () => {
    const body = (await fhi.inject({ url: `/api/fhi/weekly/${week}` })).json()
    expect(body.changedCount).toBe(1)
    const oslo = body.municipalities.find((m: { code: string }) => m.code === '0301')
    expect(oslo).toMatchObject({ version: 1, changedAfterSubmission: true })
    expect(oslo.changes).toEqual(expect.arrayContaining([{ field: 'cases', submitted: 0, draft: 2 }]))
    const masked = (await operator.inject({ url: `/api/fhi/weekly/${week}` })).json()
    const osloMasked = masked.municipalities.find((m: { code: string }) => m.code === '0301')
    expect(osloMasked).toMatchObject({ changedAfterSubmission: true, changes: [] })
  })

  it('after a new version FHI sees both versions; the mark is gone', async () => {
    const res = await f.osloReport.inject({
      method: 'POST',
      url: `/api/reports/weekly/${week}/submit`,
      payload: { reason: 'Importerte tidligere registreringer' },
    })
    expect(res.statusCode).toBe(200)
    expect(await listed()).toMatchObject({ version: 2, changedAfterSubmission: false })

    const v = await fhi.inject({ url: `/api/fhi/weekly/${week}/kommuner/0301` })
    expect(v.statusCode).toBe(200)
    const versions = v.json().versions
    expect(versions.map((x: { version: number }) => x.version)).toEqual([2, 1])
    expect(versions[0]).toMatchObject({
      reason: 'Importerte tidligere registreringer',
      report: { cases: 2, contacts: 2 },
    })
    expect(versions[0].counts).toMatchObject({ cases: 2, contacts: 2 })
    expect(versions[1]).toMatchObject({ reason: null, report: { cases: 0 } })

    const masked = (await operator.inject({ url: `/api/fhi/weekly/${week}/kommuner/0301` })).json()
    expect(masked.versions[0]).toMatchObject({ counts: null, report: { cases: '<5', contacts: '<5' } })
    expect((await f.osloReport.inject({ url: `/api/fhi/weekly/${week}/kommuner/0301` })).statusCode).toBe(403)
    expect((await fhi.inject({ url: `/api/fhi/weekly/${week}/kommuner/9999` })).statusCode).toBe(404)
  })
})
