import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { refused } from './imports.file'
import { local, parseXml, parseXmlChunks } from './imports.xml'
import { corrupt, partText, unzipPart } from './imports.zip'

/**
 * Reads the values of an XLSX workbook (Office Open XML, SpreadsheetML) with fflate and saxes:
 * sheets in the order Excel shows them, shared strings, the cell styles that make a number a
 * date, and each sheet's rows as they are parsed. Only values are imported: a formula refuses
 * the file, naming its cell.
 */
export interface XlsxCell {
  text: string
  date?: string
  number?: number
}

export interface XlsxRow {
  rowNumber: number
  cells: XlsxCell[]
  /** The first cell of the row holding a formula: the row is refused when it is read. */
  formulaAt?: string
}

interface Workbook {
  sheets: { name: string; part: string }[]
  date1904: boolean
  strings: string[]
  dateStyles: boolean[]
}

/** Opens the workbook: everything but the sheets themselves. */
export function openWorkbook(bytes: Uint8Array, withStyles = true): Workbook {
  const workbookXml = partText(bytes, 'xl/workbook.xml')
  if (!workbookXml) throw corrupt()
  const targets = relationships(partText(bytes, 'xl/_rels/workbook.xml.rels') ?? '')
  const sheets: Workbook['sheets'] = []
  let date1904 = false
  parseXml(workbookXml, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true'
      if (name !== 'sheet') return
      const rid = Object.entries(a).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1]
      const target = rid ? targets.get(rid) : undefined
      if (a.name !== undefined && target) sheets.push({ name: a.name, part: resolvePart(target) })
    },
  })
  const stylesXml = withStyles ? partText(bytes, 'xl/styles.xml') : undefined
  return {
    sheets,
    date1904,
    strings: sharedStrings(unzipPart(bytes, 'xl/sharedStrings.xml')),
    dateStyles: stylesXml ? dateStyles(stylesXml) : [],
  }
}

function relationships(xml: string): Map<string, string> {
  const out = new Map<string, string>()
  parseXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) out.set(a.Id, a.Target)
    },
  })
  return out
}

/** "worksheets/sheet1.xml" and "/xl/worksheets/sheet1.xml" both name xl/worksheets/sheet1.xml. */
const resolvePart = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`)

/** The shared string table: each <si>'s text runs joined; phonetic hints (<rPh>) left out. */
function sharedStrings(part: Uint8Array | undefined): string[] {
  if (!part) return []
  const out: string[] = []
  let current = ''
  let inText = false
  let inPhonetic = false
  parseXml(new TextDecoder().decode(part), {
    open(name) {
      if (name === 'si') current = ''
      else if (name === 'rPh') inPhonetic = true
      else if (name === 't') inText = !inPhonetic
    },
    close(name) {
      if (name === 'si') out.push(current)
      else if (name === 'rPh') inPhonetic = false
      else if (name === 't') inText = false
    },
    text(t) {
      if (inText) current += t
    },
  })
  return out
}

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

/** A custom format is a date when it has d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*]|\\./g, '')
  return /[dmyhs]/i.test(bare) && !/^General$/i.test(bare)
}

/** For each cell style (index into cellXfs): does it show the number as a date? */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>()
  const out: boolean[] = []
  let inCellXfs = false
  parseXml(xml, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''))
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0)
        out.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id))
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
    },
  })
  return out
}

/** "AB12" → 27 (0-based column index 27). */
function columnIndex(ref: string): number {
  let n = 0
  for (const ch of ref) {
    const c = ch.charCodeAt(0)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

/** An Excel serial day as 'yyyy-mm-dd', or an ISO instant when it has a time of day. */
export function serialToDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000)
  const iso = new Date(ms).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

/** The rows of one sheet, yielded as its XML is parsed. */
export function* sheetRows(bytes: Uint8Array, wb: Workbook, sheet: { name: string; part: string }) {
  const part = unzipPart(bytes, sheet.part)
  if (!part) return
  const rows: XlsxRow[] = []
  let row: XlsxRow | null = null
  let cell: { ref: string; type: string; style: number; value: string; col: number } | null = null
  let inValue = false
  let nextRow = 1
  let nextCol = 0
  const handlers = {
    open(name: string, a: Record<string, string>) {
      if (name === 'row') {
        row = { rowNumber: a.r ? Number(a.r) : nextRow, cells: [] }
        nextRow = row.rowNumber + 1
        nextCol = 0
      } else if (name === 'c' && row) {
        const col = a.r ? columnIndex(a.r) : nextCol
        if (col >= IMPORT_LIMITS.maxColumns * 10) throw corrupt()
        cell = { ref: a.r ?? '', type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', col }
        nextCol = col + 1
      } else if (name === 'f' && cell && row) {
        row.formulaAt ??= cell.ref
      } else if ((name === 'v' || name === 't') && cell) inValue = true
    },
    close(name: string) {
      if (name === 'v' || name === 't') inValue = false
      else if (name === 'c' && cell && row) {
        row.cells[cell.col] = toCell(cell, wb)
        cell = null
      } else if (name === 'row' && row) {
        for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= { text: '' }
        rows.push(row)
        row = null
      }
    },
    text(t: string) {
      if (inValue && cell) cell.value += t
    },
  }
  for (const r of parseXmlChunks(part, handlers, () => rows.splice(0))) {
    if (r.formulaAt)
      throw refused(
        'formula',
        `Cellen ${r.formulaAt} i arket «${sheet.name}» inneholder en formel. Kopier og lim inn som verdier, lagre og last opp på nytt.`,
      )
    yield r
  }
}

function toCell(c: { type: string; style: number; value: string }, wb: Workbook): XlsxCell {
  const v = c.value
  switch (c.type) {
    case 's': {
      const text = wb.strings[Number(v)]
      // Never import a shared-string index as if it were the text.
      if (text === undefined) throw corrupt()
      return { text }
    }
    case 'inlineStr':
    case 'str':
    case 'e':
      return { text: v }
    case 'b':
      return { text: v === '1' ? 'ja' : 'nei' }
    case 'd':
      return { text: v, date: v.endsWith('T00:00:00Z') || v.length === 10 ? v.slice(0, 10) : v }
  }
  if (v === '') return { text: '' }
  const number = Number(v)
  if (!Number.isFinite(number)) return { text: v }
  if (wb.dateStyles[c.style]) {
    const date = serialToDate(number, wb.date1904)
    return { text: date, date }
  }
  return { text: String(number), number }
}
