import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { auditRows, type CaseworkFixture, caseworkFixture } from '../cases/casework.fixtures'
import { fullWorkbook, nid, windows1252Csv, workbook } from './__fixtures__/fixtures'
import {
  allRows,
  commit,
  settle,
  tableCounts,
  uploadAndValidate,
  uploadFile,
  validate,
} from './imports.test-helpers'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

const app = () => f.t.app

describe('access', () => {
  it('401 without login, 403 for a report user, 404 for another municipality', async () => {
    expect((await f.anon({ url: '/api/imports' })).statusCode).toBe(401)
    expect((await f.anon({ url: '/api/imports/template.xlsx' })).statusCode).toBe(401)
    expect((await f.osloReport.inject({ url: '/api/imports' })).statusCode).toBe(403)
    const up = await uploadFile(app(), f.oslo, 'liste.csv', windows1252Csv())
    expect(up.statusCode).toBe(201)
    const id = up.json().id
    expect((await f.bergen.inject({ url: `/api/imports/${id}` })).statusCode).toBe(404)
    expect((await f.bergen.inject({ url: `/api/imports/${id}/rows` })).statusCode).toBe(404)
    expect((await f.bergen.inject({ method: 'POST', url: `/api/imports/${id}/validate` })).statusCode).toBe(
      404,
    )
    expect((await f.bergen.inject({ url: '/api/imports' })).json().items).toEqual([])
    expect((await f.oslo.inject({ method: 'POST', url: `/api/imports/${id}/cancel` })).json().state).toBe(
      'cancelled',
    )
  })
})

describe('template', () => {
  it('has a sheet per record type with Norwegian headers, drop-down lists and instructions', async () => {
    const res = await f.oslo.inject({ url: '/api/imports/template.xlsx' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Veiledning',
      'Lister',
      'Tilfeller',
      'Nærkontakter',
      'Hendelser',
      'Deltakere',
    ])
    const cases = wb.getWorksheet('Tilfeller')!
    expect(cases.getRow(1).getCell(3).value).toBe('Fornavn')
    const contacts = wb.getWorksheet('Nærkontakter')!
    expect(contacts.getRow(1).getCell(2).value).toBe('Indekstilfelle')
    const dv = (contacts as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model
    expect(Object.values(dv).some((v) => v.formulae[0]?.includes("'Tilfeller'!$A$2"))).toBe(true)
    expect(String(wb.getWorksheet('Veiledning')!.getCell('A1').value)).toContain('Mal for import')
  })
})

describe('Windows-1252 CSV with æøå', () => {
  let runId: string
  it('detects encoding and separator and maps the columns by header', async () => {
    const up = await uploadFile(app(), f.oslo, 'tidligere-smittede.csv', windows1252Csv())
    expect(up.statusCode).toBe(201)
    const run = up.json()
    runId = run.id
    expect(run).toMatchObject({
      state: 'uploaded',
      fileKind: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
    })
    expect(run.sheets[0].headers.slice(0, 4)).toEqual(['Ekstern ID', 'Fødselsnummer', 'Fornavn', 'Etternavn'])
    expect(run.mapping[0].recordType).toBe('cases')
    expect(run.mapping[0].columns.slice(0, 5)).toEqual([
      'externalId',
      'nationalId',
      'firstName',
      'lastName',
      'birthDate',
    ])
  })

  it('dry run: every row valid, the empty trailing rows ignored', async () => {
    const run = await validate(app(), f.oslo, runId)
    expect(run.state).toBe('validated')
    expect(run.counts).toMatchObject({ rows: 3, valid: 3, errors: 0, duplicates: 0 })
    const rows = await allRows(f.oslo, runId)
    expect(rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'valid'],
    ])
    const before = await tableCounts(app(), '0301')
    expect(before.cases).toBe(0)
  })

  it('commit writes each row, æøå intact, and audits the import', async () => {
    const { body: run } = await commit(app(), f.oslo, runId)
    expect(run.state).toBe('committed')
    expect(run.counts).toMatchObject({ imported: 3, cases: 3, personsCreated: 3 })
    const rows = await allRows(f.oslo, runId)
    expect(rows.every((r) => r.status === 'imported' && r.recordId)).toBe(true)
    const cases = await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('cases as c')
        .innerJoin('persons as p', 'p.id', 'c.person_id')
        .select([
          'p.first_name',
          'p.last_name',
          'p.national_id',
          'p.birth_date',
          'p.phone',
          'p.street',
          'c.test_date',
          'c.test_type',
          'c.symptomatic',
          'c.onset_date',
          'c.exposure_setting',
          'c.notes',
        ])
        .orderBy('p.first_name')
        .execute(),
    )
    expect(cases).toEqual([
      {
        first_name: 'Bjørn',
        last_name: 'Løvås',
        national_id: null,
        birth_date: '1975-12-12',
        phone: null,
        street: 'Sørli; 3',
        test_date: '2021-03-06',
        test_type: 'self',
        symptomatic: true,
        onset_date: '2021-03-05',
        exposure_setting: 'unknown',
        notes: 'Merknad med "sitat"',
      },
      {
        first_name: 'Åse',
        last_name: 'Æsøy',
        national_id: nid('1985-03-01'),
        birth_date: '1985-03-01',
        phone: '91234567',
        street: 'Storgata 1',
        test_date: '2021-03-04',
        test_type: 'pcr',
        symptomatic: true,
        onset_date: '2021-03-02',
        exposure_setting: 'household',
        notes: 'Første tilfelle',
      },
      {
        first_name: 'Øystein',
        last_name: 'Bråten',
        national_id: nid('1990-07-15'),
        birth_date: '1990-07-15',
        phone: '+47 92345678',
        street: 'Kjølåsveien 2',
        test_date: '2021-03-05',
        test_type: 'antigen',
        symptomatic: false,
        onset_date: null,
        exposure_setting: 'workplace',
        notes: null,
      },
    ])
    const audits = await auditRows(f, '0301', { recordId: runId })
    expect(audits.map((a) => a.action)).toEqual([
      'import.upload',
      'import.validate',
      'import.commit-requested',
      'import.commit',
    ])
    const done = audits.at(-1)!.payload as { details: Record<string, unknown>; userId: string }
    expect(done.userId).toBe(f.oslo.user.id)
    expect(done.details).toMatchObject({
      fileName: 'tidligere-smittede.csv',
      mode: 'strict',
      counts: { cases: 3, imported: 3 },
    })
    expect((done.details as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/)
    expect((await auditRows(f, '0301', { action: 'case.create' })).length).toBe(3)
  })

  it('the same file again changes nothing: every row is recognised as already imported', async () => {
    const before = await tableCounts(app(), '0301')
    const run = await uploadAndValidate(app(), f.oslo, 'tidligere-smittede (kopi).csv', windows1252Csv())
    expect(run.counts).toMatchObject({ rows: 3, valid: 0, duplicates: 3, errors: 0 })
    const rows = await allRows(f.oslo, run.id)
    expect(rows.map((r) => [r.rowNumber, r.status, r.issues.at(-1)?.message])).toEqual([
      [2, 'duplicate', 'Allerede importert tidligere – blir ikke lagt inn på nytt'],
      [3, 'duplicate', 'Allerede importert tidligere – blir ikke lagt inn på nytt'],
      [4, 'duplicate', 'Allerede importert tidligere – blir ikke lagt inn på nytt'],
    ])
    const res = await commit(app(), f.oslo, run.id)
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('import-nothing')
    expect(await tableCounts(app(), '0301')).toEqual(before)
  })

  it('lists the imports with who, file, hash, counts and result', async () => {
    const list = (await f.oslo.inject({ url: '/api/imports' })).json().items
    const done = list.find((r: { fileName: string }) => r.fileName === 'tidligere-smittede.csv')
    expect(done).toMatchObject({
      state: 'committed',
      createdBy: { name: 'Tora Sporer' },
      counts: { cases: 3 },
    })
    expect(done.fileSha256).toHaveLength(64)
  })
})

describe('XLSX with all four record types', () => {
  it('imports cases, contacts (by external id and national id), an event and participants', async () => {
    const before = await tableCounts(app(), '0301')
    const run = await uploadAndValidate(app(), f.oslo2, 'gammel-liste.xlsx', await fullWorkbook())
    expect(
      run.mapping.map((m: { name: string; recordType: string | null }) => [m.name, m.recordType]),
    ).toEqual([
      ['Veiledning', null],
      ['Tilfeller', 'cases'],
      ['Nærkontakter', 'contacts'],
      ['Hendelser', 'events'],
      ['Deltakere', 'participants'],
    ])
    expect([run.state, run.error]).toEqual(['validated', null])
    const rows = await allRows(f.oslo2, run.id)
    expect(rows.filter((r) => r.status !== 'valid')).toEqual([])
    expect(run.counts).toMatchObject({ rows: 7, valid: 7 })
    const { body: done } = await commit(app(), f.oslo2, run.id)
    expect(done.state).toBe('committed')
    expect(done.counts).toMatchObject({ cases: 2, contacts: 2, events: 1, participants: 2 })
    const after = await tableCounts(app(), '0301')
    expect(after.cases - before.cases).toBe(2)
    expect(after.contacts - before.contacts).toBe(2)
    // Kari is a case and an event participant: one person. New: Kari, Ola, Lise, Per, Siri.
    expect(after.persons - before.persons).toBe(5)
    const detail = await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('contacts as t')
        .innerJoin('cases as c', 'c.id', 't.case_id')
        .innerJoin('persons as ip', 'ip.id', 'c.person_id')
        .innerJoin('persons as p', 'p.id', 't.person_id')
        .select([
          'p.first_name',
          'ip.first_name as index_name',
          't.relation',
          't.last_exposure',
          't.household',
          'c.test_date',
        ])
        .where('p.last_name', 'in', ['Nordmann', 'Uten-Id'])
        .orderBy('p.first_name')
        .execute(),
    )
    expect(detail).toEqual([
      {
        first_name: 'Lise',
        index_name: 'Kari',
        relation: 'household',
        last_exposure: '2021-03-09',
        household: true,
        test_date: '2021-03-10',
      },
      {
        first_name: 'Per',
        index_name: 'Ola',
        relation: 'colleague',
        last_exposure: '2021-03-11',
        household: false,
        test_date: '2021-03-12',
      },
    ])
    const event = await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('events')
        .select(['name', 'exposure_setting', 'outbreak', 'starts_at'])
        .where('name', '=', 'Korøvelse')
        .executeTakeFirstOrThrow(),
    )
    expect(event).toMatchObject({ exposure_setting: 'organised_leisure', outbreak: true })
    expect(new Date(event.starts_at!).toISOString()).toBe('2021-03-05T17:00:00.000Z')

    const again = await uploadAndValidate(app(), f.oslo2, 'gammel-liste.xlsx', await fullWorkbook())
    expect([again.state, again.error]).toEqual(['validated', null])
    expect(again.counts).toMatchObject({ rows: 7, valid: 0, duplicates: 7 })
    expect(await tableCounts(app(), '0301')).toEqual(after)
  })
})

describe('two dry runs of the same file', () => {
  it('the second commit skips the rows the first one imported meanwhile', async () => {
    const bytes = await workbook({
      cases: [1, 2].map((i) => ({
        externalId: `DOBBEL-${i}`,
        nationalId: nid('1944-04-04', i),
        firstName: `Dobbel${i}`,
        lastName: 'Import',
        testDate: '03.03.2021',
      })),
    })
    const a = await uploadAndValidate(app(), f.oslo, 'a.xlsx', bytes)
    const b = await uploadAndValidate(app(), f.oslo2, 'b.xlsx', bytes)
    expect([a.counts.valid, b.counts.valid]).toEqual([2, 2])
    const before = await tableCounts(app(), '0301')
    expect((await commit(app(), f.oslo, a.id)).body.counts).toMatchObject({ cases: 2, imported: 2 })
    const { body: second } = await commit(app(), f.oslo2, b.id)
    expect(second).toMatchObject({ state: 'committed', counts: { cases: 0, imported: 0, duplicates: 2 } })
    expect((await allRows(f.oslo2, b.id)).map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect((await tableCounts(app(), '0301')).cases - before.cases).toBe(2)
  })
})

describe('background step recovery', () => {
  it('a queued dry run is picked up by the job (another instance or after a restart)', async () => {
    const up = await uploadFile(app(), f.oslo, 'igjen.csv', windows1252Csv())
    const id = up.json().id
    await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      trx
        .updateTable('import_runs')
        .set({ state: 'validating', heartbeat_at: new Date(Date.now() - 600_000) })
        .where('id', '=', id)
        .execute(),
    )
    const run = await settle(app(), f.oslo, id)
    expect(run.state).toBe('validated')
    expect(run.counts.duplicates).toBe(3)
  })
})
