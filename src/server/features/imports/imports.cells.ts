import { TZDate } from '@date-fns/tz'
import { IMPORT_CODE_LISTS } from '../../../shared/api/imports'
import { isIsoDate, OSLO_TIME_ZONE } from '../../../shared/domain/dates'
import type { Cell } from './imports.read'

/**
 * Cell values as Norwegian spreadsheets hold them, turned into what the API schemas take: dates
 * `dd.mm.yyyy` / `yyyy-mm-dd` / Excel serials, ja/nei, decimal comma, labels of code lists.
 * Each returns `{ value }` or `{ error }` with a Norwegian message for the report.
 */
export type Parsed<T> = { value: T } | { error: string }

/** Days from 1899-12-30 (Excel's epoch, with its 1900 leap-year bug absorbed) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569

/** "1,5" → 1.5; "1 234,5" → 1234.5; "1.5" → 1.5. Undefined for anything else. */
export function parseNorwegianNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, '')
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined
  return Number(t.replace(',', '.'))
}

export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined
  const ms = Math.round((serial - EXCEL_EPOCH_OFFSET) * 86_400_000)
  return new Date(ms).toISOString().slice(0, 10)
}

const pad = (n: string) => n.padStart(2, '0')

/** A calendar date in any of the accepted forms, as 'yyyy-mm-dd'. */
export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell.date) return { value: cell.date.slice(0, 10) }
  const text = cell.text.trim()
  if (!text) return { value: null }
  if (cell.number !== undefined && !/[.\-/]/.test(text)) {
    const iso = excelSerialToIso(cell.number)
    if (iso) return { value: iso }
  }
  let iso: string | undefined
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text)
  if (m) iso = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`
  m = m ?? /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(text)
  if (!iso && m) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`
  if (!iso && /^\d{5}([.,]\d+)?$/.test(text)) iso = excelSerialToIso(parseNorwegianNumber(text) ?? Number.NaN)
  if (!iso) return { error: `«${text}» er ikke en dato (skriv dd.mm.åååå)` }
  if (!isIsoDate(iso)) return { error: `Datoen «${text}» finnes ikke` }
  return { value: iso }
}

/** Date with an optional time of day (Europe/Oslo), as an ISO instant. */
export function parseDateTime(cell: Cell): Parsed<string | null> {
  if (cell.date?.includes('T')) {
    // exceljs gives the wall-clock time as if it were UTC: read it as Oslo time.
    const d = new Date(cell.date)
    return { value: osloInstant(cell.date.slice(0, 10), d.getUTCHours(), d.getUTCMinutes()) }
  }
  const text = cell.text.trim()
  const m = /^(.+?)[ T](\d{1,2})[:.](\d{2})(:\d{2})?$/.exec(text)
  const date = parseDate(m ? { text: m[1]! } : cell)
  if ('error' in date || date.value === null) return date
  const hours = m ? Number(m[2]) : 0
  const minutes = m ? Number(m[3]) : 0
  if (hours > 23 || minutes > 59) return { error: `Klokkeslettet i «${text}» finnes ikke` }
  return { value: osloInstant(date.value, hours, minutes) }
}

function osloInstant(date: string, hours: number, minutes: number) {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
  return new TZDate(y, mo - 1, d, hours, minutes, OSLO_TIME_ZONE).toISOString()
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', '1', 'x'])
const FALSE = new Set(['nei', 'n', 'no', 'false', 'usann', '0'])

export function parseBoolean(cell: Cell): Parsed<boolean | null> {
  const t = cell.text.trim().toLowerCase()
  if (!t) return { value: null }
  if (TRUE.has(t)) return { value: true }
  if (FALSE.has(t)) return { value: false }
  return { error: `«${cell.text.trim()}» er ikke ja eller nei` }
}

/**
 * A code list value from its Norwegian label or the code itself. Anything else is passed on
 * unchanged, so the API schema reports it with the same message as in the form.
 */
export function parseCode(list: string, cell: Cell): string | null {
  const t = cell.text.trim()
  if (!t) return null
  const labels = IMPORT_CODE_LISTS[list] ?? {}
  const key = t.toLowerCase()
  if (labels[key]) return labels[key]
  if (Object.values(labels).includes(key)) return key
  return t
}

/**
 * A national id as typed: spaces removed; a number cell that lost its leading zero (Excel
 * stores 01017012345 as 1017012345) gets it back.
 */
export function parseNationalId(cell: Cell): string | null {
  const t = cell.text.replace(/[\s\u00a0]/g, '')
  if (!t) return null
  if (cell.number !== undefined && /^\d{10}$/.test(t)) return `0${t}`
  return t
}

/** Plain text: numbers as Excel shows them (no "1e+21"), trimmed. */
export function parseText(cell: Cell): string | null {
  if (cell.number !== undefined && Number.isInteger(cell.number)) return BigInt(cell.number).toString()
  const t = cell.text.trim()
  return t || null
}
