import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { detectKind } from './imports.file'
import { readHeaders, readRows, type SheetRow } from './imports.read'
import { isDateFormat, serialToDate } from './imports.xlsx'

/**
 * The XLSX reader (fflate + saxes) on workbooks written by hand the way other programs write them
 * (prefixed namespaces, inline strings, rich text, 1904 dates, parts in any order), and the
 * refusals that happen before any sheet is parsed.
 */
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

function xlsx(o: { sheets: Record<string, string>; strings?: string; styles?: string; date1904?: boolean }) {
  const names = Object.keys(o.sheets)
  const files: Record<string, Uint8Array> = {}
  // Sheets first and workbook.xml last, as some writers do: the reader must not care.
  names.forEach((_, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData>${o.sheets[names[i]!]}</x:sheetData></x:worksheet>`,
    )
  })
  if (o.strings) files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${NS}">${o.strings}</sst>`)
  if (o.styles) files['xl/styles.xml'] = strToU8(`<styleSheet xmlns="${NS}">${o.styles}</styleSheet>`)
  files['[Content_Types].xml'] = strToU8(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  )
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="x" Target="/xl/worksheets/sheet${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  )
  files['xl/workbook.xml'] = strToU8(
    `<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr date1904="${o.date1904 ? 1 : 0}"/><sheets>${names
      .map((n, i) => `<sheet name="${n.replace(/&/g, '&amp;')}" sheetId="${i + 7}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  )
  return Buffer.from(zipSync(files))
}

async function rows(bytes: Buffer) {
  const out: SheetRow[] = []
  for await (const r of readRows({ kind: 'xlsx', bytes, fileName: 'x.xlsx' })) out.push(r)
  return out.map((r) => ({ sheet: r.sheet, row: r.rowNumber, cells: r.cells }))
}

const DATE_STYLES =
  '<numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; d&quot;"/></numFmts>' +
  '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>'

describe('reading XLSX values', () => {
  it('shared strings (rich text joined, phonetic hints left out), inline strings, numbers, booleans, dates', async () => {
    const got = await rows(
      xlsx({
        strings:
          '<si><t>Fornavn</t></si><si><r><t>Ås</t></r><r><t>mund</t></r><rPh><t>ASMUND</t></rPh></si><si><t xml:space="preserve"> Čáhppes </t></si>',
        styles: DATE_STYLES,
        sheets: {
          'Tilfeller & kontakter': `
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Prøvedato</x:t></x:is></x:c></x:row>
            <x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c><x:c r="C3" s="1"><x:v>44256</x:v></x:c>
              <x:c r="D3" s="2"><x:v>44256.5</x:v></x:c><x:c r="E3" s="3"><x:v>2.5</x:v></x:c><x:c r="F3" t="b"><x:v>1</x:v></x:c><x:c r="G3"><x:v>-12.25</x:v></x:c></x:row>`,
        },
      }),
    )
    expect(got).toEqual([
      {
        sheet: 'Tilfeller & kontakter',
        row: 1,
        cells: [{ text: 'Fornavn' }, { text: '' }, { text: 'Prøvedato' }],
      },
      {
        sheet: 'Tilfeller & kontakter',
        row: 3,
        cells: [
          { text: 'Åsmund' },
          { text: ' Čáhppes ' },
          { text: '2021-03-01', date: '2021-03-01' },
          { text: '2021-03-01T12:00:00.000Z', date: '2021-03-01T12:00:00.000Z' },
          { text: '2.5', number: 2.5 },
          { text: 'ja' },
          { text: '-12.25', number: -12.25 },
        ],
      },
    ])
  })

  it('1904 dates, sheets in workbook order, and headers read without parsing the rest', async () => {
    const bytes = xlsx({
      date1904: true,
      styles: DATE_STYLES,
      sheets: {
        Kontakter: '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Navn</x:t></x:is></x:c></x:row>',
        Tilfeller:
          '<x:row r="1"/><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Dato</x:t></x:is></x:c></x:row>' +
          '<x:row r="3"><x:c r="B3" s="1"><x:v>0</x:v></x:c><x:c r="C3"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>',
      },
    })
    // Headers and the first data row only: a formula there is refused already on upload.
    await expect(readHeaders({ kind: 'xlsx', bytes, fileName: 'x.xlsx' })).rejects.toMatchObject({
      code: 'import-formula',
    })
    await expect(rows(bytes)).rejects.toMatchObject({
      code: 'import-formula',
      message: expect.stringContaining('Cellen C3 i arket «Tilfeller» inneholder en formel'),
    })
  })

  it('a shared-string index that is not in the table refuses the file as corrupt', async () => {
    const bytes = xlsx({
      strings: '<si><t>a</t></si>',
      sheets: { A: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' },
    })
    await expect(rows(bytes)).rejects.toMatchObject({ code: 'import-corrupt' })
  })

  it('broken XML refuses the file as corrupt', async () => {
    await expect(rows(xlsx({ sheets: { A: '<row r="1"><c r="A1"><v>1</v></row>' } }))).rejects.toMatchObject({
      code: 'import-corrupt',
    })
  })

  it.each([
    ['dd.mm.yyyy', true],
    ['[$-414]d. mmmm yyyy;@', true],
    ['h:mm', true],
    ['0.0" d"', false],
    ['#,##0', false],
    ['General', false],
  ])('format %s is a date: %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date)
  })

  it('serial days in both date systems', () => {
    expect(serialToDate(44256, false)).toBe('2021-03-01')
    expect(serialToDate(42794, true)).toBe('2021-03-01')
  })
})

describe('zip bombs', () => {
  it('refuses a workbook whose parts unpack beyond the limit, before unpacking them', () => {
    // 4 MB of zeros packs to a few KB; its directory entry then claims more than the limit, as a
    // real bomb's would (building a real 400 MB bomb in a test takes seconds for no extra proof).
    const bytes = Buffer.from(
      zipSync(
        {
          '[Content_Types].xml': strToU8('<Types/>'),
          'xl/workbook.xml': strToU8('<workbook/>'),
          'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024),
        },
        { level: 9 },
      ),
    )
    expect(detectKind('ok.xlsx', bytes)).toBe('xlsx')
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    bytes.writeUInt32LE(IMPORT_LIMITS.maxUnpackedBytes + 1, central + 24)
    expect(() => detectKind('bombe.xlsx', bytes)).toThrow(
      expect.objectContaining({ code: 'import-too-large' }),
    )
  })

  it('a part that lies about its size unpacks only as far as it claims, and is then refused as corrupt', async () => {
    const bytes = xlsx({
      sheets: { A: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(5000)}</t></is></c></row>` },
    })
    const patched = Buffer.from(bytes)
    // Claim 100 bytes for the sheet in its local header and central directory entry.
    const name = Buffer.from('xl/worksheets/sheet1.xml')
    const local = patched.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]))
    expect(patched.subarray(local + 30, local + 30 + name.length).equals(name)).toBe(true)
    patched.writeUInt32LE(100, local + 22)
    const central = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    patched.writeUInt32LE(100, central + 24)
    expect(detectKind('løgn.xlsx', patched)).toBe('xlsx')
    await expect(rows(patched)).rejects.toMatchObject({ code: 'import-corrupt' })
  })
})
