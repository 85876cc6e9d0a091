import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { inTenant } from '../../db/tenant'
import { type CaseworkFixture, caseworkFixture } from '../cases/casework.fixtures'
import { BAD_ROWS, badRowsWorkbook, latin1, nid, windows1252Csv, workbook } from './__fixtures__/fixtures'
import { commitHooks, SimulatedCrash } from './imports.commit'
import { allRows, commit, settle, tableCounts, uploadAndValidate, uploadFile } from './imports.test-helpers'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())
afterEach(() => {
  commitHooks.afterRow = undefined
})
const app = () => f.t.app

describe('a file with 25 kinds of bad rows', () => {
  it('reports each problem on its row and column, and imports only what is valid when asked', async () => {
    const run = await uploadAndValidate(app(), f.oslo, 'feil.xlsx', await badRowsWorkbook())
    expect(BAD_ROWS.length).toBeGreaterThanOrEqual(25)
    expect(run.counts).toMatchObject({ rows: BAD_ROWS.length + 1, valid: 1, errors: BAD_ROWS.length })
    const rows = await allRows(f.oslo, run.id)
    const outcome = BAD_ROWS.map(([kind, , column, fragment], i) => {
      const row = rows.find((r) => r.rowNumber === i + 2)!
      const errors = row.issues.filter((x) => x.severity === 'error')
      const hit = errors.find((e) => e.column === column && e.message.includes(fragment))
      return { kind, status: row.status, hit: hit ? 'ok' : JSON.stringify(errors) }
    })
    expect(outcome).toEqual(BAD_ROWS.map(([kind]) => ({ kind, status: 'error', hit: 'ok' })))
    expect(rows.find((r) => r.rowNumber === BAD_ROWS.length + 2)).toMatchObject({
      status: 'valid',
      issues: [],
    })

    const report = await f.oslo.inject({ url: `/api/imports/${run.id}/report.xlsx` })
    expect(report.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(report.rawPayload as never)
    const problems = wb.getWorksheet('Problemer')!
    expect(problems.getRow(2).values).toEqual([
      undefined,
      'Tilfeller',
      2,
      'Fornavn',
      'Feil',
      'Fornavn må fylles ut',
    ])
    expect(problems.rowCount).toBeGreaterThanOrEqual(BAD_ROWS.length + 1)

    const strict = await commit(app(), f.oslo, run.id, 'strict')
    expect([strict.status, strict.body.code]).toEqual([409, 'import-has-errors'])
    const before = await tableCounts(app(), '0301')
    const { body: done } = await commit(app(), f.oslo, run.id, 'valid_only')
    expect(done).toMatchObject({
      state: 'committed',
      counts: { cases: 1, errors: BAD_ROWS.length, imported: 1 },
    })
    const after = await tableCounts(app(), '0301')
    expect(after.cases - before.cases).toBe(1)
  })
})

describe('a row that fails only on saving', () => {
  it('is rolled back alone and reported at its row and column; every other row is saved', async () => {
    const base = (i: number) => ({
      nationalId: nid('1966-06-06', i),
      firstName: `Lagre${i}`,
      lastName: 'Radsen',
      testDate: '08.03.2021',
      testType: 'PCR',
      residenceKommune: '0301',
    })
    const file = await workbook({ cases: [base(1), base(2), base(3)] })
    const run = await uploadAndValidate(app(), f.oslo, 'lagring.xlsx', file)
    expect(run.counts).toMatchObject({ rows: 3, valid: 3, errors: 0 })
    // What the dry run cannot see: the code is gone from the register by the time of the commit.
    await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      sql`update import_rows set data = jsonb_set(data, '{person,residenceKommune}', '"9999"')
           where run_id = ${run.id} and row_number = 3`.execute(trx),
    )
    const before = await tableCounts(app(), '0301')
    const { body: done } = await commit(app(), f.oslo, run.id, 'strict')
    expect(done).toMatchObject({
      state: 'committed',
      counts: { cases: 2, imported: 2, errors: 1, failedAtCommit: 1 },
    })
    const after = await tableCounts(app(), '0301')
    expect([after.cases - before.cases, after.persons - before.persons]).toEqual([2, 2])
    const rows = await allRows(f.oslo, run.id)
    expect(rows.find((r) => r.rowNumber === 3)).toMatchObject({
      status: 'error',
      issues: [
        { column: 'Bostedskommune (nummer)', severity: 'error', message: expect.stringContaining('«9999»') },
      ],
    })
    const report = await f.oslo.inject({ url: `/api/imports/${run.id}/report.xlsx` })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(report.rawPayload as never)
    expect(wb.getWorksheet('Problemer')!.getRow(2).values).toEqual([
      undefined,
      'Tilfeller',
      3,
      'Bostedskommune (nummer)',
      'Feil',
      expect.stringContaining('9999'),
    ])
    // The same file again: the two saved rows are skipped, the failed one is imported now.
    const again = await uploadAndValidate(app(), f.oslo, 'lagring.xlsx', file)
    expect(again.counts).toMatchObject({ rows: 3, valid: 1, duplicates: 2 })
  })
})

describe('refused files, with a Norwegian reason, before parsing', () => {
  const ole = (extra: Buffer) =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), extra])
  const cases: [string, () => Promise<Buffer> | Buffer, number, string, RegExp][] = [
    ['liste.xlsm', () => workbook({ cases: [] }), 422, 'import-macros', /makroer/],
    [
      'liste.xlsx',
      () => workbook({ cases: [] }, (wb) => wb.addWorksheet('x')).then(withVba),
      422,
      'import-macros',
      /makroer/,
    ],
    [
      'passord.xlsx',
      () => ole(Buffer.from('EncryptionInfo', 'utf16le')),
      422,
      'import-encrypted',
      /passordbeskyttet/,
    ],
    ['gammel.xlsx', () => ole(Buffer.alloc(10)), 422, 'import-legacy-xls', /gamle Excel-formatet/],
    [
      'skadet.xlsx',
      async () => (await workbook({ cases: [] })).subarray(0, 400),
      422,
      'import-corrupt',
      /skadet/,
    ],
    ['tekst.xlsx', () => windows1252Csv(), 422, 'import-disguised', /ikke en Excel-arbeidsbok/],
    ['bilde.csv', async () => workbook({ cases: [] }), 422, 'import-disguised', /inneholder ikke tekst/],
    ['dokument.pdf', () => Buffer.from('%PDF-1.4 ...'), 422, 'import-type', /Filtypen støttes ikke/],
    ['tom.csv', () => Buffer.alloc(0), 422, 'import-empty', /tom/],
    [
      'bred.csv',
      () => latin1(`${Array.from({ length: 101 }, (_, i) => `K${i}`).join(';')}\n`),
      422,
      'import-too-many-columns',
      /101 kolonner/,
    ],
    [
      'lang.csv',
      () => latin1(`Fornavn;Etternavn\n${'a;b\n'.repeat(IMPORT_LIMITS.maxRows + 1)}`),
      422,
      'import-too-many-rows',
      /mer enn 100\s000 rader/,
    ],
    ['stor.csv', () => Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 0x61), 413, 'import-too-large', /for stor/],
  ]
  it.each(cases)('%s', async (name, make, status, code, title) => {
    const res = await uploadFile(app(), f.oslo, name, await make())
    expect([res.statusCode, res.json().code]).toEqual([status, code])
    expect(res.json().title).toMatch(title)
  })

  it('a refused upload is listed and audited', async () => {
    const list = (await f.oslo.inject({ url: '/api/imports' })).json().items
    expect(list.find((r: { fileName: string }) => r.fileName === 'liste.xlsm')).toMatchObject({
      state: 'refused',
      error: expect.stringContaining('makroer'),
    })
  })

  it('a formula in a cell refuses the file in the dry run, naming the cell', async () => {
    const bytes = await workbook({ cases: [] }, (wb) => {
      const ws = wb.getWorksheet('Tilfeller')!
      ws.getCell('C2').value = { formula: 'A1&"x"', result: 'x' } as never
      ws.getCell('D2').value = 'Etternavn'
    })
    // In the first data row it is seen already on upload (which reads up to the first data row).
    const up = await uploadFile(app(), f.oslo, 'formel.xlsx', bytes)
    expect([up.statusCode, up.json().code]).toEqual([422, 'import-formula'])
    expect(up.json().title).toMatch(/Cellen C2 i arket «Tilfeller» inneholder en formel/)
    const later = await workbook(
      {
        cases: [{ nationalId: nid('1970-01-01', 90), firstName: 'A', lastName: 'B', testDate: '08.03.2021' }],
      },
      (wb) => {
        const ws = wb.getWorksheet('Tilfeller')!
        ws.getCell('C3').value = { formula: 'A1&"x"', result: 'x' } as never
        ws.getCell('D3').value = 'Etternavn'
      },
    )
    const run = await uploadAndValidate(app(), f.oslo, 'formel2.xlsx', later)
    expect(run.state).toBe('refused')
    expect(run.error).toMatch(/Cellen C3 i arket «Tilfeller» inneholder en formel/)
    const csv = await uploadAndValidate(
      app(),
      f.oslo,
      'formel.csv',
      latin1('Fornavn;Etternavn\n=1+1;Hansen\n'),
    )
    expect(csv.error).toMatch(/Rad 2, kolonne «Fornavn» inneholder en formel/)
  })
})

/** Adds an xl/vbaProject.bin entry: a macro workbook renamed to .xlsx. */
async function withVba(bytes: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as never)
  const zip = (await import('jszip')).default
  const z = await zip.loadAsync(bytes)
  z.file('xl/vbaProject.bin', Buffer.from('macro'))
  return Buffer.from(await z.generateAsync({ type: 'nodebuffer' }))
}

describe('column mapping', () => {
  it('refuses an incomplete mapping, and remembers a saved one for the next file', async () => {
    const csv = latin1(`Nr;Personnr;Navn;Slekt;Prøvetaking\nA1;${nid('1961-05-05')};Eva;Ås;01.03.2021\n`)
    const up = (await uploadFile(app(), f.oslo, 'egne-navn.csv', csv)).json()
    expect(up.mapping[0]).toMatchObject({ recordType: null, columns: [null, null, null, null, null] })
    const bad = await f.oslo.inject({
      method: 'PUT',
      url: `/api/imports/${up.id}/mapping`,
      payload: {
        sheets: [
          {
            name: up.sheets[0].name,
            recordType: 'cases',
            columns: ['externalId', 'nationalId', 'firstName', 'firstName', null],
          },
        ],
      },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Feltet «Fornavn» er valgt for flere kolonner',
      'Velg en kolonne for «Etternavn» (påkrevd)',
    ])
    const columns = ['externalId', 'nationalId', 'firstName', 'lastName', 'testDate']
    const ok = await f.oslo.inject({
      method: 'PUT',
      url: `/api/imports/${up.id}/mapping`,
      payload: { sheets: [{ name: up.sheets[0].name, recordType: 'cases', columns }], save: true },
    })
    expect(ok.statusCode).toBe(200)
    const next = (await uploadFile(app(), f.oslo, 'egne-navn-2.csv', csv)).json()
    expect(next.mapping[0]).toMatchObject({ recordType: 'cases', columns })
    // Saved per municipality: Bergen gets no such suggestion.
    await inTenant(app().deps.db, { kommune: '0301' }, async (trx) => {
      const saved = await trx
        .selectFrom('import_mappings')
        .select(['header', 'field'])
        .orderBy('header')
        .execute()
      expect(saved).toContainEqual({ header: 'prøvetaking', field: 'testDate' })
    })
  })
})

describe('crash safety: a commit that dies halfway leaves nothing', () => {
  const file = () =>
    workbook({
      cases: [1, 2, 3, 4, 5].map((i) => ({
        externalId: `CR-${i}`,
        nationalId: nid('1955-05-05', i),
        firstName: `Krasj${i}`,
        lastName: 'Testesen',
        testDate: '03.03.2021',
      })),
    })

  it('an error after 3 of 5 rows rolls everything back; a retry writes each row once', async () => {
    const run = await uploadAndValidate(app(), f.oslo, 'krasj.xlsx', await file())
    const before = await tableCounts(app(), '0301')
    commitHooks.afterRow = (n) => {
      if (n === 3) throw new Error('disk full')
    }
    const { body: failed } = await commit(app(), f.oslo, run.id)
    expect(failed.state).toBe('failed')
    expect(failed.error).toBe('Importen stoppet på grunn av en feil. Ingenting er lagret. Prøv igjen.')
    expect(await tableCounts(app(), '0301')).toEqual(before)
    expect((await allRows(f.oslo, run.id)).map((r) => r.status)).toEqual([
      'valid',
      'valid',
      'valid',
      'valid',
      'valid',
    ])

    commitHooks.afterRow = undefined
    const { body: done } = await commit(app(), f.oslo, run.id)
    expect(done).toMatchObject({ state: 'committed', counts: { cases: 5 } })
    const after = await tableCounts(app(), '0301')
    expect([after.cases - before.cases, after.persons - before.persons, after.keys - before.keys]).toEqual([
      5, 5, 5,
    ])
  })

  it('a process that dies mid-commit: the run is taken over after its heartbeat goes stale', async () => {
    const bytes = await workbook({
      cases: [1, 2, 3].map((i) => ({
        nationalId: nid('1956-06-06', i),
        firstName: `Død${i}`,
        lastName: 'Prosess',
        testDate: '03.03.2021',
      })),
    })
    const run = await uploadAndValidate(app(), f.oslo, 'prosess.xlsx', bytes)
    const before = await tableCounts(app(), '0301')
    commitHooks.afterRow = (n) => {
      if (n === 2) throw new SimulatedCrash('kill -9')
    }
    const res = await f.oslo.inject({
      method: 'POST',
      url: `/api/imports/${run.id}/commit`,
      payload: { mode: 'strict' },
    })
    expect(res.statusCode).toBe(202)
    const crashed = await settle(app(), f.oslo, run.id)
    expect(crashed.state).toBe('committing')
    expect(await tableCounts(app(), '0301')).toEqual(before)
    commitHooks.afterRow = undefined
    // Not stale yet: nobody takes it over.
    expect((await settle(app(), f.oslo, run.id)).state).toBe('committing')
    await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      trx
        .updateTable('import_runs')
        .set({ heartbeat_at: new Date(Date.now() - 10 * 60_000) })
        .where('id', '=', run.id)
        .execute(),
    )
    const done = await settle(app(), f.oslo, run.id)
    expect(done).toMatchObject({ state: 'committed', counts: { cases: 3 } })
    const after = await tableCounts(app(), '0301')
    expect(after.cases - before.cases).toBe(3)
  })
})
