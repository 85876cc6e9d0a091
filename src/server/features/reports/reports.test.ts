import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPORT_SETTINGS } from '../../../shared/domain/weeklyReport'
import { inTenant } from '../../db/tenant'
import { OSLO_W53, type ReportingFixture, reportingFixture } from './reports.fixtures'

let f: ReportingFixture
beforeAll(async () => {
  f = await reportingFixture()
})
afterAll(() => f.t.close())

const zeroView = {
  cases: 0,
  probable: 0,
  confirmed: 0,
  contacts: 0,
  registered: 0,
  knownContact: 0,
  knownContactShare: null,
  outbreak: 0,
  outbreakShare: null,
  settings: REPORT_SETTINGS.map((setting) => ({
    setting,
    confirmed: 0,
    knownContact: 0,
    knownContactShare: null,
    outbreak: 0,
    outbreakShare: null,
  })),
}

describe('GET /api/reports/weekly/:week — access', () => {
  it('401 without login', async () => {
    expect((await f.anon({ url: '/api/reports/weekly/2020-W53' })).statusCode).toBe(401)
  })

  it.each(['2021-W53', '2020-W54', '2021-W00', '2021-3', 'abc'])('400 for the week %s', async (week) => {
    const res = await f.osloReport.inject({ url: `/api/reports/weekly/${week}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('params.week')
  })

  it('403 for national roles (no municipality) ', async () => {
    for (const who of [f.fhi, f.operator]) {
      const res = await who.inject({ url: '/api/reports/weekly/2020-W53' })
      expect(res.statusCode).toBe(403)
    }
  })

  it('404 for a sub-unit of another municipality', async () => {
    const res = await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53?unit=460101' })
    expect(res.statusCode).toBe(404)
  })

  it('a report user of Bergen gets only Bergen’s figures', async () => {
    const res = await f.bergenReport.inject({ url: '/api/reports/weekly/2020-W53' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.kommune).toEqual({ code: '4601', name: 'Bergen' })
    expect(body.draft.view).toMatchObject({ cases: 1, confirmed: 1, contacts: 1, knownContact: 0 })
    expect(body.units.map((u: { code: string }) => u.code)).not.toContain('030101')
    // Oslo's sub-unit is not Bergen's.
    expect(
      (await f.bergenReport.inject({ url: '/api/reports/weekly/2020-W53?unit=030101' })).statusCode,
    ).toBe(404)
  })
})

describe('the weekly report of a synthetic municipality, every cell', () => {
  it('2020-W53 (the week with the year boundary)', async () => {
    const res = await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      week: '2020-W53',
      start: '2020-12-28',
      end: '2021-01-03',
      kommune: { code: '0301', name: 'Oslo' },
      unit: null,
      weekEnded: true,
      submitted: null,
      changes: [],
      versions: [],
    })
    expect(body.draft.view).toEqual(OSLO_W53)
    expect(body.draft.counts).toMatchObject({ cases: 14, probable: 1, confirmed: 13, contacts: 5 })
    expect(body.units.map((u: { code: string }) => u.code)).toContain('030101')
  })

  it('2020-W53 for bydel Gamle Oslo (030101)', async () => {
    const body = (await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53?unit=030101' })).json()
    expect(body.unit).toEqual({ code: '030101', name: 'Gamle Oslo', kind: 'bydel' })
    const v = body.draft.view
    expect(v).toMatchObject({
      cases: 2,
      probable: 0,
      confirmed: 2,
      contacts: 1,
      registered: 1,
      knownContact: 1,
      knownContactShare: 0.5,
      outbreak: 1,
      outbreakShare: 0.5,
    })
    // A2's contact record has no setting: item (ii) counts it under "ukjent".
    expect(v.settings[0]).toEqual({
      setting: 'household',
      confirmed: 1,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 0,
      outbreakShare: 0,
    })
    expect(v.settings[9]).toMatchObject({ setting: 'unknown', knownContact: 1, knownContactShare: 0.5 })
    expect(v.settings[2]).toEqual({
      setting: 'school',
      confirmed: 1,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 1,
      outbreakShare: 0.5,
    })
  })

  it('a probable case alone: no confirmed cases, so no shares (zero denominator)', async () => {
    const body = (await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53?unit=030102' })).json()
    expect(body.draft.view).toEqual({ ...zeroView, cases: 1, probable: 1 })
  })

  it('2021-W01: a case registered 23:30 UTC on Sunday counts on Monday in Oslo', async () => {
    const body = (await f.osloReport.inject({ url: '/api/reports/weekly/2021-W01' })).json()
    expect(body).toMatchObject({ start: '2021-01-04', end: '2021-01-10' })
    const settings = zeroView.settings.map((s) => ({ ...s, knownContactShare: 0, outbreakShare: 0 }))
    settings[1] = { ...settings[1]!, confirmed: 1 } // kindergarten
    settings[9] = { ...settings[9]!, confirmed: 1 } // unknown (no setting)
    expect(body.draft.view).toEqual({
      cases: 2,
      probable: 0,
      confirmed: 2,
      // A1's contact registered 23:10 UTC on Sunday, without a last exposure: Monday in Oslo.
      contacts: 1,
      registered: 1,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 0,
      outbreakShare: 0,
      settings,
    })
  })

  it('2021-W02 is empty: zeros and no shares', async () => {
    const body = (await f.osloReport.inject({ url: '/api/reports/weekly/2021-W02' })).json()
    expect(body.draft.view).toEqual(zeroView)
  })

  it('tracers and administrators may read it too', async () => {
    for (const who of [f.osloTracer, f.osloAdmin]) {
      const res = await who.inject({ url: '/api/reports/weekly/2020-W53' })
      expect(res.json().draft.view.cases).toBe(14)
    }
  })
})

describe('submission', () => {
  const submit = (who = f.osloReport, week = '2020-W53', payload: object = {}) =>
    who.inject({ method: 'POST', url: `/api/reports/weekly/${week}/submit`, payload })

  it('401 without login, 403 for a tracer, 422 for a week that has not ended', async () => {
    expect(
      (await f.anon({ method: 'POST', url: '/api/reports/weekly/2020-W53/submit', payload: {} })).statusCode,
    ).toBe(401)
    expect((await submit(f.osloTracer)).statusCode).toBe(403)
    const current = (await f.osloReport.inject({ url: '/api/reports/weekly?weeks=1' })).json().items[0].week
    const res = await submit(f.osloReport, current)
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('week-not-ended')
  })

  it('freezes the figures: a later registration changes the draft, not the submission', async () => {
    const res = await submit()
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.submitted).toMatchObject({ version: 1, submittedBy: 'Randi Rapport', reason: null })
    expect(body.submitted.view).toEqual(OSLO_W53)
    expect(body.changes).toEqual([])

    const created = await f.osloTracer.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        person: { firstName: 'Sen', lastName: 'Registrert', birthDate: '1990-01-01', confirmNew: true },
        testDate: '2020-12-30',
        exposureSetting: 'household',
      },
    })
    expect(created.statusCode).toBe(201)

    const after = (await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53' })).json()
    expect(after.submitted.view).toEqual(OSLO_W53)
    expect(after.draft.view).toMatchObject({ cases: 15, confirmed: 14, knownContactShare: 0.5714 })
    expect(after.changes).toEqual([
      { field: 'cases', submitted: 14, draft: 15 },
      { field: 'confirmed', submitted: 13, draft: 14 },
      { field: 'settings.household.confirmed', submitted: 7, draft: 8 },
    ])
    const v1 = (await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53/versions/1' })).json()
    expect(v1.view).toEqual(OSLO_W53)
    expect(v1.version).toBe(1)
  })

  it('a resubmission needs a reason and becomes version 2', async () => {
    const missing = await submit(f.osloAdmin, '2020-W53', { reason: '  ' })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors).toEqual([
      { path: 'body.reason', message: 'Skriv hvorfor uken sendes inn på nytt' },
    ])

    const res = await submit(f.osloAdmin, '2020-W53', { reason: 'Etterregistrert tilfelle' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.submitted).toMatchObject({
      version: 2,
      submittedBy: 'Ada Admin',
      reason: 'Etterregistrert tilfelle',
    })
    expect(body.submitted.view.cases).toBe(15)
    expect(body.changes).toEqual([])
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
    expect(
      (await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53/versions/1' })).json().view.cases,
    ).toBe(14)
    expect((await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53/versions/3' })).statusCode).toBe(
      404,
    )
  })

  it('the submission is frozen in the database too, and audited', async () => {
    const rows = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'payload'])
        .where('action', '=', 'report.submit')
        .execute(),
    )
    expect(rows.map((r) => (r.payload as { details: { version: number } }).details.version)).toEqual([1, 2])
    await expect(
      inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
        trx.updateTable('weekly_reports').set({ reason: 'endret' }).where('kommune', '=', '0301').execute(),
      ),
    ).rejects.toThrow(/permission denied/)
  })

  it('Bergen sees none of Oslo’s submissions', async () => {
    const body = (await f.bergenReport.inject({ url: '/api/reports/weekly/2020-W53' })).json()
    expect(body.versions).toEqual([])
    expect((await f.bergenReport.inject({ url: '/api/reports/weekly/2020-W53/versions/1' })).statusCode).toBe(
      404,
    )
  })

  it('lists recent weeks with their status', async () => {
    const body = (await f.osloReport.inject({ url: '/api/reports/weekly?weeks=3' })).json()
    expect(body.items).toHaveLength(3)
    expect(body.items[0].weekEnded).toBe(false)
    expect(body.items[1].weekEnded).toBe(true)
  })
})

describe('export', () => {
  it('CSV: one row for the municipality and one per sub-unit, audited', async () => {
    const res = await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53/export?format=csv&version=1' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain('ukesrapport-0301-2020-W53-1.csv')
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n')
    const header = lines[0]!.split(';')
    expect(header.slice(0, 8)).toEqual([
      'Uke',
      'Kommunenummer',
      'Kommune',
      'Enhet',
      'Enhetsnavn',
      'Versjon',
      'Nye tilfeller',
      'Sannsynlige tilfeller',
    ])
    expect(lines[1]!.split(';').slice(0, 15)).toEqual([
      '2020-W53',
      '0301',
      'Oslo',
      '0301',
      'Hele kommunen',
      '1',
      '14',
      '1',
      '13',
      '5',
      '5',
      '8',
      '61,5',
      '3',
      '23,1',
    ])
    expect(
      lines
        .find((l) => l.includes(';030101;'))!
        .split(';')
        .slice(6, 10),
    ).toEqual(['2', '0', '2', '1'])
    const audited = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('audit_log').select('action').where('action', '=', 'report.export').execute(),
    )
    expect(audited.length).toBeGreaterThan(0)
  })

  it('XLSX of the draft with shares as numbers', async () => {
    const res = await f.osloReport.inject({ url: '/api/reports/weekly/2021-W01/export?format=xlsx' })
    expect(res.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).getCell(7).value).toBe('Nye tilfeller')
    expect(ws.getRow(2).getCell(6).value).toBe('utkast')
    expect(ws.getRow(2).getCell(7).value).toBe(2)
    expect(ws.getRow(1).getCell(11).value).toBe('Nærkontakter registrert i uka')
    expect(ws.getRow(2).getCell(13).value).toBe(0)
    expect(ws.getRow(2).getCell(13).numFmt).toBe('0.0%')
  })
})
