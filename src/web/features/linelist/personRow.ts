import { type PersonSummary, personInput } from '../../../shared/api/persons'
import { maskNationalId } from '../../../shared/domain/nationalId'
import { formatIsoDate, parseNorwegianDate } from '../../components/dates'

/**
 * What every line-listing grid (contacts of a case, participants of an event) shares: the person
 * cells typed first in each row and the duplicate handling around them.
 */
export const PERSON_CELLS = ['firstName', 'lastName', 'idOrBirth', 'phone'] as const
export type PersonCell = (typeof PERSON_CELLS)[number]

/** The person cells as typed. */
export type PersonCells = Record<PersonCell, string>

/** The person part of a grid row: typed cells, or an existing person picked from the suggestions. */
export interface PersonRow extends PersonCells {
  /** An existing person picked with "Bruk denne" (or from the household suggestion). */
  picked: PersonSummary | null
  /** What the tracer had typed before picking, restored by "Angre". */
  typed: PersonCells | null
  /** "Ny person": none of the suggestions is this person. */
  confirmNew: boolean
}

export const emptyPersonRow = (): PersonRow => ({
  firstName: '',
  lastName: '',
  idOrBirth: '',
  phone: '',
  picked: null,
  typed: null,
  confirmNew: false,
})

/** 11 digits (spaces allowed) is a national id; anything else is read as a birth date. */
export function splitIdOrBirth(value: string): {
  nationalId: string | null
  birthDate: string | null
  bad: boolean
} {
  const v = value.trim()
  if (!v) return { nationalId: null, birthDate: null, bad: false }
  const digits = v.replace(/\s/g, '')
  if (/^\d{11}$/.test(digits)) return { nationalId: digits, birthDate: null, bad: false }
  const birthDate = parseNorwegianDate(v)
  return { nationalId: null, birthDate, bad: !birthDate }
}

/** The row's `person` for the batch: the picked person's id, or the typed new person. */
export function toPersonInput(r: PersonRow) {
  if (r.picked) return { personId: r.picked.id }
  const { nationalId, birthDate } = splitIdOrBirth(r.idOrBirth)
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    nationalId,
    birthDate,
    phone: r.phone.trim() || null,
    ...(r.confirmNew ? { confirmNew: true as const } : {}),
  }
}

/**
 * An API path inside one row → the grid cell showing it. `person.` is dropped, the id and birth
 * date share one cell, and `aliases` names the feature's own renamed fields.
 */
export function cellOfPath<C extends string>(
  path: string,
  cells: readonly C[],
  aliases: Record<string, C> = {},
): C | null {
  const p = path.replace(/^person\./, '')
  if (p === 'nationalId' || p === 'birthDate') return 'idOrBirth' as C
  if (aliases[p]) return aliases[p]
  return (cells as readonly string[]).includes(p) ? (p as C) : null
}

/** `body.rows.3.person.lastName` → { row: 3, rest: 'person.lastName' }. */
export function parseRowPath(path: string): { row: number; rest: string } | null {
  const m = /^(?:body\.)?rows\.(\d+)(?:\.(.*))?$/.exec(path)
  return m ? { row: Number(m[1]), rest: m[2] ?? '' } : null
}

/** How a picked person fills the person cells (read-only while picked). */
export function pickedCells(p: PersonSummary): PersonCells {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    idOrBirth: p.birthDate ? formatIsoDate(p.birthDate) : p.nationalId ? maskNationalId(p.nationalId) : '',
    phone: p.phone ?? '',
  }
}

/**
 * Puts each schema issue on the cell its path names (`fallback` when none does), keeping a
 * message a cell already has.
 */
export function putIssues<C extends string>(
  cells: Partial<Record<C, string>>,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  cellOf: (path: string) => C | null,
  fallback: C,
) {
  for (const issue of issues) cells[cellOf(issue.path.join('.')) ?? fallback] ??= issue.message
  return cells
}

/**
 * Adds the problems of a typed (not picked) person to `cells`: an id or birth date that cannot be
 * read, and what the shared `personInput` schema says — checked on its own rather than through
 * the feature's union, so every problem names a cell.
 */
export function checkPerson<C extends string>(
  r: PersonRow,
  cells: Partial<Record<C, string>>,
  badIdOrBirth: string,
  cellOf: (path: string) => C | null,
) {
  if (r.picked) return cells
  if (splitIdOrBirth(r.idOrBirth).bad) cells['idOrBirth' as C] = badIdOrBirth
  const issues = personInput.safeParse(toPersonInput(r)).error?.issues ?? []
  return putIssues(cells, issues, cellOf, 'firstName' as C)
}
