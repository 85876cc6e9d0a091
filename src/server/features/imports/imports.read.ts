import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { IMPORT_LIMITS } from '../../../shared/api/imports'
import {
  countLines,
  decodeText,
  detectDelimiter,
  entryStream,
  type FileKind,
  refused,
  sheetNamesByFile,
  workbookDate1904,
  zipEntries,
} from './imports.file'

/**
 * Streams the rows of an uploaded file, one sheet after another, without building the whole
 * table in memory. A cell keeps what the file said: its text, and for XLSX a real date or number.
 */
export interface Cell {
  text: string
  /** 'yyyy-mm-dd' (or an ISO instant with time) when XLSX stored a date. */
  date?: string
  number?: number
}

export interface SheetRow {
  sheet: string
  /** The row number as the user sees it in Excel (1 = first line). */
  rowNumber: number
  cells: Cell[]
}

export interface FileSource {
  kind: FileKind
  bytes: Buffer
  fileName: string
}

export interface CsvFormat {
  encoding: 'utf-8' | 'windows-1252'
  delimiter: ';' | ',' | '\t'
}

/** Encoding and separator of a CSV, and a row count before parsing (the limit is checked here). */
export function csvFormat(bytes: Buffer): CsvFormat & { text: string } {
  const { text, encoding } = decodeText(bytes)
  if (countLines(text.trimEnd()) > IMPORT_LIMITS.maxRows + 1) throw tooManyRows()
  return { text, encoding, delimiter: detectDelimiter(text) }
}

export const tooManyRows = () =>
  refused(
    'too-many-rows',
    `Filen har mer enn ${IMPORT_LIMITS.maxRows.toLocaleString('nb-NO')} rader. Del den i flere filer.`,
  )

export const csvSheetName = (fileName: string) => fileName.replace(/\.[^.]+$/, '') || 'CSV'

/** All rows of the file; for a CSV the one "sheet" is named after the file. */
export async function* readRows(src: FileSource): AsyncGenerator<SheetRow> {
  if (src.kind === 'csv') yield* readCsv(src)
  else yield* readXlsx(src)
}

async function* readCsv(src: FileSource): AsyncGenerator<SheetRow> {
  const { text, delimiter } = csvFormat(src.bytes)
  const parser = Readable.from([text]).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }),
  )
  const sheet = csvSheetName(src.fileName)
  let rowNumber = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++
      yield { sheet, rowNumber, cells: record.map((text) => ({ text })) }
    }
  } catch (err) {
    throw refused(
      'corrupt',
      `CSV-filen kan ikke leses etter rad ${rowNumber}: ${(err as Error).message.slice(0, 120)}`,
    )
  }
}

type ExcelCell = { type: number; value: unknown; address: string }

type XlsxSheet = AsyncIterable<XlsxRow>

/** The parts of exceljs' streaming WorkbookReader used here (see xlsxSheets for why). */
interface ExcelReaderParts {
  model: { sheets: unknown[] }
  properties: unknown
  sharedStrings?: unknown[]
  _parseStyles(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: XlsxSheet }>
}

/**
 * The sheets of a workbook in the order Excel shows them, each read as a stream of rows.
 *
 * exceljs' streaming reader walks the zip with its own stream iterator, which now and then hands
 * out a sheet before the shared strings are read (exceljs/exceljs#683): every text cell then came
 * out as `{sharedString: n}` and a whole import silently mapped nothing. So the zip is opened here
 * (the file is in memory anyway) and exceljs is only given one part at a time, in the order it
 * needs them: styles, shared strings, then each sheet — the parsers themselves are exceljs'.
 */
async function* xlsxSheets(bytes: Buffer, styles: 'cache' | 'ignore') {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name, e]))
  const part = (name: string) => {
    const e = entries.get(name)
    return e ? entryStream(bytes, e) : undefined
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles,
    entries: 'ignore',
  } as never) as unknown as ExcelReaderParts
  reader.model = { sheets: [] }
  reader.properties = { model: { date1904: workbookDate1904(bytes) } }
  const stylesPart = styles === 'cache' ? part('xl/styles.xml') : undefined
  if (stylesPart) await reader._parseStyles(stylesPart)
  const strings = part('xl/sharedStrings.xml')
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  reader.sharedStrings ??= []
  for (const [fileNo, name] of sheetNamesByFile(bytes)) {
    const sheet = part(`xl/worksheets/sheet${fileNo}.xml`)
    if (!sheet) continue
    for (const { value } of reader._parseWorksheet(sheet, fileNo)) yield { name, rows: value }
  }
}

async function* readXlsx(src: FileSource): AsyncGenerator<SheetRow> {
  try {
    for await (const ws of xlsxSheets(src.bytes, 'cache')) {
      const sheet = { name: ws.name }
      for await (const row of ws.rows) {
        const cells: Cell[] = []
        row.eachCell({ includeEmpty: true }, (c: ExcelCell, col: number) => {
          cells[col - 1] = toCell(c, sheet.name)
        })
        for (let i = 0; i < cells.length; i++) cells[i] ??= { text: '' }
        yield { sheet: sheet.name, rowNumber: row.number, cells }
      }
    }
  } catch (err) {
    if ((err as { status?: number }).status) throw err
    throw refused(
      'corrupt',
      'Filen er skadet og kan ikke leses. Åpne den i Excel, lagre på nytt og last opp igjen.',
    )
  }
}

interface XlsxRow {
  number: number
  eachCell(opts: { includeEmpty: boolean }, fn: (c: ExcelCell, col: number) => void): void
}

/** An exceljs cell as text (+ date/number). Formulas refuse the whole file: we import values only. */
function toCell(c: ExcelCell, sheet: string): Cell {
  const v = c.value
  if (v === null || v === undefined) return { text: '' }
  if (v instanceof Date) {
    const iso = v.toISOString()
    const date = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
    return { text: date, date }
  }
  if (typeof v === 'number') return { text: String(v), number: v }
  if (typeof v === 'boolean') return { text: v ? 'ja' : 'nei' }
  if (typeof v === 'string') return { text: v }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if ('formula' in o || 'sharedFormula' in o)
      throw refused(
        'formula',
        `Cellen ${c.address} i arket «${sheet}» inneholder en formel. Kopier og lim inn som verdier, lagre og last opp på nytt.`,
      )
    if (Array.isArray(o.richText))
      return { text: (o.richText as { text: string }[]).map((r) => r.text).join('') }
    if ('text' in o) return { text: String(o.text) }
    if ('error' in o) return { text: String(o.error) }
    // Never import a shared-string index as if it were the text (see xlsxSheets).
    if ('sharedString' in o) throw new Error(`unresolved shared string in ${c.address}`)
  }
  return { text: String(v) }
}

/** The first row of each sheet, i.e. its headers, cheaply (the rest of each sheet is skipped). */
export async function readHeaders(src: FileSource): Promise<{ name: string; headers: string[] }[]> {
  if (src.kind === 'csv') {
    for await (const row of readCsv(src)) return [{ name: row.sheet, headers: cleanHeaders(row.cells) }]
    return [{ name: csvSheetName(src.fileName), headers: [] }]
  }
  const out: { name: string; headers: string[] }[] = []
  try {
    for await (const ws of xlsxSheets(src.bytes, 'ignore')) {
      const sheet = { name: ws.name }
      let headers: string[] = []
      for await (const row of ws.rows) {
        const cells: Cell[] = []
        row.eachCell({ includeEmpty: true }, (c: ExcelCell, col: number) => {
          cells[col - 1] = toCell(c, sheet.name)
        })
        headers = cleanHeaders(cells)
        if (headers.length > 0) break
      }
      out.push({ name: sheet.name, headers })
    }
  } catch (err) {
    if ((err as { status?: number }).status) throw err
    throw refused(
      'corrupt',
      'Filen er skadet og kan ikke leses. Åpne den i Excel, lagre på nytt og last opp igjen.',
    )
  }
  return out
}

/** Header texts without trailing empty columns; empty ones in between get a placeholder name. */
export function cleanHeaders(cells: (Cell | undefined)[]): string[] {
  const texts = Array.from(cells, (c) => (c?.text ?? '').replace(/\s+/g, ' ').trim())
  while (texts.length && texts[texts.length - 1] === '') texts.pop()
  const seen = new Map<string, number>()
  return texts.map((t, i) => {
    const base = t || `Kolonne ${i + 1}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n > 1 ? `${base} (${n})` : base
  })
}
