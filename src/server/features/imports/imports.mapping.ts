import {
  IMPORT_FIELDS,
  type ImportRecordType,
  RECORD_TYPE_SHEETS,
  RECORD_TYPES,
  type SheetMapping,
} from '../../../shared/api/imports'
import type { FieldError } from '../../http/errors'

/** Headers compare without case, extra spaces, a trailing '*' or ':' (as people write them). */
export const normalizeHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[*:]+$/, '')
    .trim()

/** The header without a parenthesised note: «Prøvedato (dd.mm.åååå)» → «prøvedato». */
const withoutNote = (h: string) => normalizeHeader(h.replace(/\([^)]*\)/g, ' '))

/** The field a header names: the template's header or one of the headings municipalities use. */
export function fieldOfHeader(recordType: ImportRecordType, header: string): string | null {
  const n = normalizeHeader(header)
  const names = (f: (typeof IMPORT_FIELDS)[ImportRecordType][number]) => [f.header, ...(f.aliases ?? [])]
  const exact = IMPORT_FIELDS[recordType].find((f) => names(f).some((a) => normalizeHeader(a) === n))
  if (exact) return exact.field
  const bare = withoutNote(header)
  const loose = IMPORT_FIELDS[recordType].find((f) => names(f).some((a) => withoutNote(a) === bare))
  return loose?.field ?? null
}

/** Saved mappings of the municipality: record type → normalised header → field. */
export type SavedMappings = Map<ImportRecordType, Map<string, string>>

/** Which record type a sheet holds: its name (the template's), else what its headers look like. */
export function guessRecordType(name: string, headers: string[]): ImportRecordType | null {
  const n = normalizeHeader(name)
  for (const t of RECORD_TYPES) if (normalizeHeader(RECORD_TYPE_SHEETS[t]) === n) return t
  const has = (t: ImportRecordType, field: string) => headers.some((h) => fieldOfHeader(t, h) === field)
  if (has('participants', 'eventRef') && has('participants', 'role')) return 'participants'
  if (has('contacts', 'caseRef')) return 'contacts'
  if (has('events', 'name') && has('events', 'startsAt') && !has('cases', 'firstName')) return 'events'
  if (has('cases', 'firstName') || has('cases', 'nationalId')) return 'cases'
  return null
}

/** The record type whose saved mapping knows most of these headers (at least two), if any. */
export function guessFromSaved(headers: string[], saved: SavedMappings): ImportRecordType | null {
  let best: ImportRecordType | null = null
  let bestHits = 1
  for (const [type, map] of saved) {
    const hits = headers.filter((h) => map.has(normalizeHeader(h))).length
    if (hits > bestHits) [best, bestHits] = [type, hits]
  }
  return best
}

/** Field per header: the municipality's saved choice, else the template header or an alias. */
export function autoColumns(
  recordType: ImportRecordType,
  headers: string[],
  saved: SavedMappings,
): (string | null)[] {
  const mine = saved.get(recordType)
  const used = new Set<string>()
  return headers.map((h) => {
    const n = normalizeHeader(h)
    const field = mine?.get(n) ?? fieldOfHeader(recordType, h)
    if (!field || used.has(field)) return null
    used.add(field)
    return field
  })
}

/** Every non-empty column of an imported sheet that fills no field: listed, never dropped silently. */
export function unmappedColumns(mapping: SheetMapping[], sheets: { name: string; headers: string[] }[]) {
  const out: { sheet: string; column: string; message: string }[] = []
  for (const m of mapping) {
    if (!m.recordType) continue
    const headers = sheets.find((s) => s.name === m.name)?.headers ?? []
    headers.forEach((h, i) => {
      if (m.columns[i]) return
      out.push({
        sheet: m.name,
        column: h,
        message: `Kolonnen «${h}» er ikke koblet til et felt og blir ikke importert`,
      })
    })
  }
  return out
}

/** Problems with a mapping the user sent, per sheet (unknown field, used twice, required missing). */
export function mappingErrors(
  sheets: SheetMapping[],
  fileSheets: { name: string; headers: string[] }[],
): FieldError[] {
  const errors: FieldError[] = []
  let any = false
  for (const [i, s] of sheets.entries()) {
    const path = `body.sheets.${i}`
    const file = fileSheets.find((f) => f.name === s.name)
    if (!file) {
      errors.push({ path: `${path}.name`, message: `Arket «${s.name}» finnes ikke i filen` })
      continue
    }
    if (!s.recordType) continue
    any = true
    if (s.columns.length !== file.headers.length) {
      errors.push({ path: `${path}.columns`, message: 'Antall kolonner stemmer ikke med filen' })
      continue
    }
    const defs = IMPORT_FIELDS[s.recordType]
    const seen = new Set<string>()
    s.columns.forEach((field, c) => {
      if (!field) return
      if (!defs.some((d) => d.field === field))
        errors.push({ path: `${path}.columns.${c}`, message: `Ukjent felt «${field}»` })
      else if (seen.has(field))
        errors.push({
          path: `${path}.columns.${c}`,
          message: `Feltet «${defs.find((d) => d.field === field)!.header}» er valgt for flere kolonner`,
        })
      seen.add(field)
    })
    for (const d of defs)
      if (d.required && !seen.has(d.field) && !(d.field === 'externalId' && s.recordType !== 'events'))
        errors.push({ path: `${path}.columns`, message: `Velg en kolonne for «${d.header}» (påkrevd)` })
  }
  if (!any) errors.push({ path: 'body.sheets', message: 'Velg hva minst ett ark inneholder' })
  return errors
}
