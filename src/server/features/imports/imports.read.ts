import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { countLines, decodeText, detectDelimiter, type FileKind, refused } from './imports.file'
import { openWorkbook, sheetRows } from './imports.xlsx'

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
  const rows = src.kind === 'csv' ? readCsv(src) : readXlsx(src)
  // PostgreSQL cannot store a NUL byte in text or jsonb: shown as U+FFFD, so the row stays
  // visible in the preview and its checks name the cell (issue 17, hostile text).
  for await (const row of rows) {
    for (const cell of row.cells)
      if (cell?.text.includes('\u0000')) cell.text = cell.text.replaceAll('\u0000', '\uFFFD')
    yield row
  }
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

const corruptXlsx = () =>
  refused('corrupt', 'Filen er skadet og kan ikke leses. Åpne den i Excel, lagre på nytt og last opp igjen.')

/** Our refusals (formula, corrupt) pass through; anything the parsers throw means a broken file. */
function asRefusal(err: unknown): never {
  if ((err as { status?: number }).status) throw err
  throw corruptXlsx()
}

async function* readXlsx(src: FileSource): AsyncGenerator<SheetRow> {
  try {
    const wb = openWorkbook(src.bytes)
    for (const sheet of wb.sheets)
      for (const row of sheetRows(src.bytes, wb, sheet))
        yield { sheet: sheet.name, rowNumber: row.rowNumber, cells: row.cells }
  } catch (err) {
    asRefusal(err)
  }
}

/**
 * The first row of each sheet, i.e. its headers, and whether a row of data follows, cheaply:
 * reading stops at the first data row, the rest of each sheet is never parsed.
 */
export async function readHeaders(
  src: FileSource,
): Promise<{ name: string; headers: string[]; hasData: boolean }[]> {
  const filled = (cells: Cell[]) => cells.some((c) => c.text.trim() !== '')
  if (src.kind === 'csv') {
    let headers: string[] | null = null
    for await (const row of readCsv(src)) {
      if (headers === null) headers = cleanHeaders(row.cells)
      else if (filled(row.cells)) return [{ name: row.sheet, headers, hasData: true }]
    }
    return [{ name: csvSheetName(src.fileName), headers: headers ?? [], hasData: false }]
  }
  const out: { name: string; headers: string[]; hasData: boolean }[] = []
  try {
    const wb = openWorkbook(src.bytes, false)
    for (const sheet of wb.sheets) {
      let headers: string[] = []
      let hasData = false
      for (const row of sheetRows(src.bytes, wb, sheet)) {
        if (headers.length === 0) headers = cleanHeaders(row.cells)
        else if (filled(row.cells)) {
          hasData = true
          break
        }
      }
      out.push({ name: sheet.name, headers, hasData })
    }
  } catch (err) {
    asRefusal(err)
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
