import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner } from '../../audit/test-helpers'
import { inTenant } from '../../db/tenant'
import { OSLO_W53, type ReportingFixture, reportingFixture } from '../reports/reports.fixtures'
import { parseClientCredentials } from './api-clients'

let f: ReportingFixture
beforeAll(async () => {
  f = await reportingFixture()
})
afterAll(() => f.t.close())

type Municipality = {
  code: string
  version: number | null
  submitted: unknown
  live: Record<string, unknown>
}
const kommune = (body: { municipalities: Municipality[] }, code: string) =>
  body.municipalities.find((m) => m.code === code)!

describe('GET /api/fhi/weekly/:week — access', () => {
  it('401 without login, 403 for municipal roles', async () => {
    expect((await f.anon({ url: '/api/fhi/weekly/2020-W53' })).statusCode).toBe(401)
    for (const who of [f.osloReport, f.osloTracer, f.osloAdmin]) {
      expect((await who.inject({ url: '/api/fhi/weekly/2020-W53' })).statusCode).toBe(403)
    }
  })

  it('400 for a week that does not exist', async () => {
    expect((await f.fhi.inject({ url: '/api/fhi/weekly/2021-W53' })).statusCode).toBe(400)
  })
})

describe('the national overview', () => {
  it('before any submission: live figures for every municipality, nothing submitted', async () => {
    const res = await f.fhi.inject({ url: '/api/fhi/weekly/2020-W53' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ week: '2020-W53', start: '2020-12-28', end: '2021-01-03', masked: false })
    expect(body.submittedCount).toBe(0)
    expect(body.kommuneCount).toBe(2) // the two active municipalities
    expect(body.municipalities).toHaveLength(357)
    expect(body.counties).toHaveLength(15)
    expect(body.national.submitted.cases).toBe(0)
    // Oslo + Bergen, exact (FHI sees no masking).
    expect(body.national.live).toMatchObject({
      cases: 15,
      probable: 1,
      confirmed: 14,
      contacts: 6,
      registered: 6,
      knownContact: 8,
      knownContactShare: 0.5714,
      outbreak: 3,
      outbreakShare: 0.2143,
    })
    expect(body.national.live.settings[4]).toMatchObject({ setting: 'workplace', confirmed: 2 })
    expect(kommune(body, '0301')).toMatchObject({ version: null, submitted: null })
    expect(kommune(body, '0301').live).toMatchObject({ cases: 14, contacts: 5, knownContact: 8 })
    expect(kommune(body, '4601').live).toMatchObject({ cases: 1, contacts: 1, knownContact: 0 })
    expect(body.counties.find((c: { code: string }) => c.code === '46').live.cases).toBe(1)
  })

  it('after Oslo submits: Oslo’s frozen figures add up nationally and in Oslo county', async () => {
    const submitted = await f.osloReport.inject({
      method: 'POST',
      url: '/api/reports/weekly/2020-W53/submit',
      payload: {},
    })
    expect(submitted.statusCode).toBe(200)
    const body = (await f.fhi.inject({ url: '/api/fhi/weekly/2020-W53' })).json()
    expect(body.submittedCount).toBe(1)
    expect(body.national.submitted).toEqual(OSLO_W53)
    const oslo = body.counties.find((c: { code: string }) => c.code === '03')
    expect(oslo).toMatchObject({ kommuneCount: 1, submittedCount: 1 })
    expect(oslo.submitted).toEqual(OSLO_W53)
    expect(body.counties.find((c: { code: string }) => c.code === '46').submitted.cases).toBe(0)
    expect(kommune(body, '0301')).toMatchObject({
      version: 1,
      submitted: { cases: 14, confirmed: 13, knownContact: 8, knownContactShare: 0.6154, outbreak: 3 },
    })
    expect(kommune(body, '4601').version).toBeNull()
  })

  it('the operator sees the same overview with the small-numbers rule applied', async () => {
    const res = await f.operator.inject({ url: '/api/fhi/weekly/2020-W53' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.masked).toBe(true)
    expect(body.national.submitted).toMatchObject({
      cases: 14,
      probable: '<5',
      confirmed: 13,
      contacts: 5,
      knownContact: 8,
      knownContactShare: 0.6154,
      outbreak: '<5',
      outbreakShare: 'suppressed',
    })
    expect(body.national.submitted.settings[0]).toEqual({
      setting: 'household',
      confirmed: 7,
      knownContact: 0,
      knownContactShare: 0,
      outbreak: 0,
      outbreakShare: 0,
    })
    expect(body.national.submitted.settings[2]).toMatchObject({ confirmed: '<5', outbreak: '<5' })
    expect(kommune(body, '4601').live).toMatchObject({ cases: '<5', contacts: '<5', knownContact: 0 })
  })

  it('exports CSV and XLSX (submitted figures, every setting)', async () => {
    const csv = await f.fhi.inject({ url: '/api/fhi/weekly/2020-W53/export?format=csv' })
    expect(csv.statusCode).toBe(200)
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]!.split(';').slice(0, 10)).toEqual([
      'Uke',
      'Nivå',
      'Kode',
      'Navn',
      'Fylke',
      'Innsendt',
      'Versjon',
      'Innsendt tidspunkt',
      'Endret etter innsending',
      'Nye tilfeller',
    ])
    expect(lines[1]!.split(';').slice(0, 10)).toEqual([
      '2020-W53',
      'Norge',
      '00',
      'Norge',
      '',
      '1 av 2',
      '',
      '',
      '0',
      '14',
    ])
    const oslo = lines.find((l) => l.startsWith('2020-W53;Kommune;0301;'))!.split(';')
    expect(oslo.slice(5, 7)).toEqual(['ja', '1'])
    expect(oslo[8]).toBe('nei')
    expect(lines.find((l) => l.startsWith('2020-W53;Kommune;4601;'))!.split(';')[9]).toBe('')

    const xlsx = await f.operator.inject({ url: '/api/fhi/weekly/2020-W53/export?format=xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const row = wb.worksheets[0]!.getRow(2)
    expect(row.getCell(2).value).toBe('Norge')
    expect(row.getCell(11).value).toBe('<5') // probable, masked for the operator
  })
})

describe('cached live figures', () => {
  it('are reused for a few minutes, then recomputed; tenants cannot read the cache', async () => {
    const url = '/api/fhi/weekly/2020-W53'
    const first = (await f.fhi.inject({ url })).json()
    await asOwner(f.t.db, async (c) => {
      const p = await c.query(
        `insert into persons (kommune, owner_unit, first_name, last_name) values ('4601', '4601', 'Sen', 'Bergen') returning id`,
      )
      await c.query(
        `insert into cases (kommune, owner_unit, person_id, test_date, exposure_setting) values ('4601', '4601', $1, '2020-12-30', 'school')`,
        [p.rows[0].id],
      )
    })
    const second = (await f.fhi.inject({ url })).json()
    expect(second.liveComputedAt).toBe(first.liveComputedAt)
    expect(second.national.live.cases).toBe(first.national.live.cases)

    await asOwner(f.t.db, (c) =>
      c.query(`update weekly_report_cache set computed_at = computed_at - interval '10 minutes'`),
    )
    const third = (await f.fhi.inject({ url })).json()
    expect(third.national.live.cases).toBe(first.national.live.cases + 1)
    expect(kommune(third, '4601').live.cases).toBe(2)
    expect(Date.parse(third.liveComputedAt)).toBeGreaterThan(Date.parse(first.liveComputedAt))

    const seen = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      trx.selectFrom('weekly_report_cache').select('week').execute(),
    )
    expect(seen).toEqual([])
  })
})

describe('API clients and the machine API', () => {
  let clientId: string
  let secret: string
  let id: string

  it('only the operator creates clients; the secret is shown once and stored hashed', async () => {
    expect(
      (await f.fhi.inject({ method: 'POST', url: '/api/fhi/api-clients', payload: { name: 'FHI' } }))
        .statusCode,
    ).toBe(403)
    const bad = await f.operator.inject({
      method: 'POST',
      url: '/api/fhi/api-clients',
      payload: { name: '', clientId: 'X!' },
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.clientId', 'body.name'])

    const res = await f.operator.inject({
      method: 'POST',
      url: '/api/fhi/api-clients',
      payload: { name: 'FHI overvåking', clientId: 'fhi-msis' },
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.client).toMatchObject({ clientId: 'fhi-msis', name: 'FHI overvåking', revokedAt: null })
    expect(body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    ;({ secret } = body)
    clientId = body.client.clientId
    id = body.client.id
    const stored = await f.t.db.db
      .selectFrom('api_clients')
      .select('secret_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(stored.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'))
    const again = await f.operator.inject({
      method: 'POST',
      url: '/api/fhi/api-clients',
      payload: { name: 'x', clientId },
    })
    expect(again.statusCode).toBe(409)
    const list = (await f.operator.inject({ url: '/api/fhi/api-clients' })).json()
    expect(list.items.map((c: { clientId: string }) => c.clientId)).toContain('fhi-msis')
    expect(JSON.stringify(list)).not.toContain(secret)
  })

  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`

  it('returns the submitted reports with Basic or Bearer credentials', async () => {
    for (const authorization of [basic(clientId, secret), `Bearer ${clientId}.${secret}`]) {
      const res = await f.anon({ url: '/api/fhi/weekly-reports?week=2020-W53', headers: { authorization } })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({ week: '2020-W53', start: '2020-12-28', end: '2021-01-03' })
      expect(body.reports).toHaveLength(1)
      expect(body.reports[0]).toMatchObject({ kommune: '0301', kommuneName: 'Oslo', fylke: '03', version: 1 })
      expect(body.reports[0].report).toEqual(OSLO_W53)
      expect(body.reports[0].counts.settings.household).toEqual({
        confirmed: 7,
        knownContact: 0,
        outbreak: 0,
      })
    }
    const filtered = await f.anon({
      url: '/api/fhi/weekly-reports?week=2020-W53&kommune=4601',
      headers: { authorization: basic(clientId, secret) },
    })
    expect(filtered.json().reports).toEqual([])
    const used = await f.t.db.db
      .selectFrom('api_clients')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(used.last_used_at).not.toBeNull()
  })

  it('401 for missing or wrong credentials, 400 for a bad week', async () => {
    for (const authorization of [
      undefined,
      basic(clientId, 'wrong'),
      basic('fhi-unknown', secret),
      `Bearer ${clientId}`,
      'Digest abc',
    ]) {
      const res = await f.anon({
        url: '/api/fhi/weekly-reports?week=2020-W53',
        headers: authorization ? { authorization } : {},
      })
      expect(res.statusCode).toBe(401)
      if (authorization) expect(res.headers['www-authenticate']).toContain('Basic')
    }
    const bad = await f.anon({
      url: '/api/fhi/weekly-reports?week=2020-W99',
      headers: { authorization: basic(clientId, secret) },
    })
    expect(bad.statusCode).toBe(400)
  })

  it('a logged-in FHI analyst may use it too; a report user may not', async () => {
    expect(
      (await f.fhi.inject({ url: '/api/fhi/weekly-reports?week=2020-W53' })).json().reports,
    ).toHaveLength(1)
    expect((await f.osloReport.inject({ url: '/api/fhi/weekly-reports?week=2020-W53' })).statusCode).toBe(403)
  })

  it('a revoked client is refused', async () => {
    const res = await f.operator.inject({
      method: 'POST',
      url: `/api/fhi/api-clients/${id}/revoke`,
      payload: {},
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().revokedAt).not.toBeNull()
    const after = await f.anon({
      url: '/api/fhi/weekly-reports?week=2020-W53',
      headers: { authorization: basic(clientId, secret) },
    })
    expect(after.statusCode).toBe(401)
  })
})

describe('parseClientCredentials', () => {
  it.each([
    [`Basic ${Buffer.from('fhi-a:s3cr:et').toString('base64')}`, { clientId: 'fhi-a', secret: 's3cr:et' }],
    ['bearer fhi-a.abc-_x', { clientId: 'fhi-a', secret: 'abc-_x' }],
    ['Bearer fhi-a.', null],
    [`Basic ${Buffer.from(':x').toString('base64')}`, null],
    ['Token x', null],
    [undefined, null],
  ])('%s', (header, expected) => {
    expect(parseClientCredentials(header)).toEqual(expected)
  })
})
