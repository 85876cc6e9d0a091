import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addContact,
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
} from '../cases/casework.fixtures'

let f: CaseworkFixture
let open: { id: string; person: { nationalId: string } }
let _hidden: { id: string }
beforeAll(async () => {
  f = await caseworkFixture()
  open = await createCase(f.oslo, {
    person: {
      firstName: 'Åse',
      lastName: '=Ødegård',
      birthDate: '1980-01-01',
      street: 'Synlig vei 1',
      postcode: '0150',
      place: 'Oslo',
      phone: '+47 912 34 567',
    },
    testDate: day(-2),
  })
  _hidden = await createCase(f.oslo, {
    person: {
      firstName: 'Hemmelig',
      lastName: 'Person',
      birthDate: '1981-01-01',
      street: 'Skjult gate 2',
      postcode: '0151',
      place: 'Oslo',
      protectedAddress: 'strengt_fortrolig',
      confirmNew: true,
    },
  })
  await addContact(f.oslo, open.id, { relation: 'household', household: true })
  await createCase(f.bergen)
})
afterAll(() => f.t.close())

const get = (url: string, who = f.oslo) => who.inject({ url })

describe('export of the line list', () => {
  it('401, 403 for a report user, 400 for unknown columns and several types in one CSV', async () => {
    expect((await f.anon({ url: '/api/exports/line-list' })).statusCode).toBe(401)
    expect((await get('/api/exports/line-list', f.osloReport)).statusCode).toBe(403)
    const bad = await get('/api/exports/line-list?columns=cases.secret')
    expect([bad.statusCode, bad.json().errors[0].message]).toEqual([400, 'Ukjent kolonne: cases.secret'])
    const two = await get('/api/exports/line-list?format=csv&types=cases,contacts')
    expect(two.statusCode).toBe(400)
  })

  it('CSV: UTF-8 with BOM and ";", chosen columns, protected address blank, formulas neutralised, audited', async () => {
    const res = await get(
      '/api/exports/line-list?format=csv&types=cases&columns=cases.firstName,cases.lastName,cases.street,cases.phone,cases.testDate,cases.contactCount',
    )
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    const raw = res.rawPayload
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = raw.subarray(3).toString('utf8').trimEnd().split('\r\n')
    const [dd, mm, yyyy] = [day(-2).slice(8, 10), day(-2).slice(5, 7), day(-2).slice(0, 4)]
    expect(lines).toEqual([
      'Fornavn;Etternavn;Telefon;Adresse;Testdato;Antall nærkontakter',
      `Åse;'=Ødegård;+47 912 34 567;Synlig vei 1;${dd}.${mm}.${yyyy};1`,
      `Hemmelig;Person;;;${dd}.${mm}.${yyyy};0`,
    ])
    const audits = await auditRows(f, '0301', { action: 'export.line-list' })
    expect(audits.at(-1)!.payload).toMatchObject({
      userId: f.oslo.user.id,
      details: { format: 'csv', types: ['cases'], rows: { cases: 2 } },
    })
  })

  it('XLSX: a sheet per type with real dates, never another municipality, never a protected address', async () => {
    const res = await get('/api/exports/line-list?types=cases,contacts')
    expect(res.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tilfeller', 'Nærkontakter'])
    const cases = wb.getWorksheet('Tilfeller')!
    expect(cases.rowCount).toBe(3)
    const header = (cases.getRow(1).values as unknown[]).slice(1)
    const col = (name: string) => header.indexOf(name) + 1
    expect(cases.getRow(3).getCell(col('Fornavn')).value).toBe('Hemmelig')
    expect(cases.getRow(3).getCell(col('Adresse')).value).toBe(null)
    expect(cases.getRow(3).getCell(col('Postnummer')).value).toBe(null)
    expect(cases.getRow(2).getCell(col('Testdato')).value).toEqual(new Date(`${day(-2)}T00:00:00Z`))
    const contacts = wb.getWorksheet('Nærkontakter')!
    expect(contacts.rowCount).toBe(2)
    const ch = (contacts.getRow(1).values as unknown[]).slice(1)
    expect(contacts.getRow(2).getCell(ch.indexOf('Tilfelle-ID') + 1).value).toBe(open.id)
    expect(contacts.getRow(2).getCell(ch.indexOf('Husstandsmedlem') + 1).value).toBe('Ja')
    const bergen = await get('/api/exports/line-list?format=csv', f.bergen)
    expect(bergen.rawPayload.toString('utf8').trimEnd().split('\r\n')).toHaveLength(2)
    expect(bergen.rawPayload.toString('utf8')).not.toContain('Ødegård')
  })

  it('filters on registration date and status', async () => {
    const none = await get(`/api/exports/line-list?format=csv&from=${day(1)}`)
    expect(none.rawPayload.toString('utf8').trimEnd().split('\r\n')).toHaveLength(1)
    const closed = await get('/api/exports/line-list?format=csv&status=closed')
    expect(closed.rawPayload.toString('utf8').trimEnd().split('\r\n')).toHaveLength(1)
    const cols = (await get('/api/exports/columns')).json()
    expect(cols.types.map((t: { type: string }) => t.type)).toEqual([
      'cases',
      'contacts',
      'events',
      'measures',
    ])
  })
})
