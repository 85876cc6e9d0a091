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

/** Saved mappings of the municipality: record type → normalised header → field. */
export type SavedMappings = Map<ImportRecordType, Map<string, string>>

/** Which record type a sheet holds: its name (the template's), else what its headers look like. */
export function guessRecordType(name: string, headers: string[]): ImportRecordType | null {
  const n = normalizeHeader(name)
  for (const t of RECORD_TYPES) if (normalizeHeader(RECORD_TYPE_SHEETS[t]) === n) return t
  const hs = new Set(headers.map(normalizeHeader))
  const has = (t: ImportRecordType, field: string) => {
    const f = IMPORT_FIELDS[t].find((x) => x.field === field)!
    return [f.header, ...(f.aliases ?? [])].some((a) => hs.has(normalizeHeader(a)))
  }
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
    const fromSaved = mine?.get(n)
    const def = IMPORT_FIELDS[recordType].find(
      (f) => normalizeHeader(f.header) === n || f.aliases?.some((a) => normalizeHeader(a) === n),
    )
    const field = fromSaved ?? def?.field ?? null
    if (!field || used.has(field)) return null
    used.add(field)
    return field
  })
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
