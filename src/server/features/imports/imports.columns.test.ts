import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { type CaseworkFixture, caseworkFixture } from '../cases/casework.fixtures'
import { latin1, nid } from './__fixtures__/fixtures'
import { allRows, uploadFile, validate } from './imports.test-helpers'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())
const app = () => f.t.app

/** A municipality's own list: Windows-1252, `;`, dd.mm.yyyy, decimal comma, æøå, its own headings. */
function municipalityCsv(extraHeader = 'Dato for første symptom') {
  const lines = [
    `Løpenummer;Fødselsnr;Fornavn;Etternavn;Prøvetakingsdato;Svardato;Symptomdebut;Bostedskommune;Bydel;Smittested;Temperatur;${extraHeader}`,
    `L-1;${nid('1981-04-02')};Kåre;Ødegård;03.03.2021;04.03.2021;01.03.2021;0301;Frogner;Husstand;38,5;01.03.2021`,
    `L-2;${nid('1992-11-12')};Åshild;Bæhr;05.03.2021;06.03.2021;;Oslo;030104;Skole;37,2;`,
    '',
  ]
  return latin1(lines.join('\r\n'))
}

describe('column recognition', () => {
  it('maps Norwegian headings, lists every unmapped column as a warning, and keeps onset dates', async () => {
    const up = await uploadFile(app(), f.oslo, 'kommuneliste.csv', municipalityCsv())
    expect(up.statusCode).toBe(201)
    const run = up.json()
    expect(run.mapping[0]).toMatchObject({
      recordType: 'cases',
      columns: [
        'externalId',
        'nationalId',
        'firstName',
        'lastName',
        'testDate',
        'resultDate',
        'onsetDate',
        'residenceKommune',
        'residenceBydel',
        'exposureSetting',
        null,
        null,
      ],
    })
    expect(run.columnWarnings.map((w: { column: string }) => w.column)).toEqual([
      'Temperatur',
      'Dato for første symptom',
    ])
    const done = await validate(app(), f.oslo, run.id)
    expect((await allRows(f.oslo, run.id)).flatMap((r) => r.issues)).toEqual([])
    expect(done.counts).toMatchObject({ rows: 2, valid: 2, errors: 0 })
    const rows = await inTenant(app().deps.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('import_rows')
        .select(['row_number', 'data'])
        .where('run_id', '=', run.id)
        .orderBy('row_number')
        .execute(),
    )
    expect(rows.map((r) => r.data)).toMatchObject([
      {
        onsetDate: '2021-03-01',
        person: { residenceKommune: '0301', residenceBydel: '030105', firstName: 'Kåre' },
      },
      {
        testDate: '2021-03-05',
        person: { residenceKommune: '0301', residenceBydel: '030104', lastName: 'Bæhr' },
      },
    ])
  })

  it('saves a mapping under a name and applies it to a later file', async () => {
    const first = (await uploadFile(app(), f.oslo, 'uke10.csv', municipalityCsv('Egen symptomdato'))).json()
    const columns = [...first.mapping[0].columns]
    columns[6] = null
    columns[11] = 'onsetDate'
    const put = await f.oslo.inject({
      method: 'PUT',
      url: `/api/imports/${first.id}/mapping`,
      payload: { sheets: [{ ...first.mapping[0], columns }], save: false, saveAs: 'Smittelista' },
    })
    expect(put.statusCode).toBe(200)
    const presets = (await f.oslo.inject({ url: '/api/imports/mappings' })).json().items
    expect(presets).toMatchObject([{ name: 'Smittelista', recordTypes: ['cases'] }])
    expect((await f.bergen.inject({ url: '/api/imports/mappings' })).json().items).toEqual([])

    const second = (await uploadFile(app(), f.oslo, 'uke11.csv', municipalityCsv('Egen symptomdato'))).json()
    expect(second.mapping[0].columns[11]).toBeNull()
    const applied = await f.oslo.inject({
      method: 'POST',
      url: `/api/imports/${second.id}/mapping/preset`,
      payload: { presetId: presets[0].id },
    })
    expect(applied.statusCode).toBe(200)
    expect(applied.json().mapping[0].columns).toEqual(columns)
    const other = await f.bergen.inject({
      method: 'POST',
      url: `/api/imports/${second.id}/mapping/preset`,
      payload: { presetId: presets[0].id },
    })
    expect(other.statusCode).toBe(404)
  })
})

describe('files without data', () => {
  it('a header-only file is refused with a clear message and listed with its reason', async () => {
    const res = await uploadFile(
      app(),
      f.oslo,
      'bare-overskrift.csv',
      latin1('Fornavn;Etternavn;Testdato\r\n;;\r\n'),
    )
    expect([res.statusCode, res.json().code]).toEqual([422, 'import-no-rows'])
    expect(res.json().title).toMatch(/bare overskriftsraden/)
    const list = (await f.oslo.inject({ url: '/api/imports' })).json().items
    expect(list.find((r: { fileName: string }) => r.fileName === 'bare-overskrift.csv')).toMatchObject({
      state: 'refused',
      error: expect.stringContaining('bare overskriftsraden'),
    })
    const rows = await allRows(f.oslo, res.json().importId)
    expect(rows).toEqual([])
  })
})
