import { type ContactCreate, contactFields } from '../../../shared/api/contacts'
import { type PersonSummary, personInput } from '../../../shared/api/persons'
import { maskNationalId } from '../../../shared/domain/nationalId'
import { formatIsoDate, parseNorwegianDate } from '../../components/dates'

/** The cells of one grid row, in Tab order. `household` is the last cell: Enter there adds a row. */
export const GRID_CELLS = [
  'firstName',
  'lastName',
  'idOrBirth',
  'phone',
  'relation',
  'exposureSetting',
  'lastExposure',
  'household',
] as const
export type GridCell = (typeof GRID_CELLS)[number]

type Typed = { firstName: string; lastName: string; idOrBirth: string; phone: string }

export interface GridRow extends Typed {
  relation: string
  exposureSetting: string
  /** As typed: 12.04.2024, 12.4.24, 2024-04-12 … */
  lastExposure: string
  household: boolean
  /** An existing person picked with "Bruk denne" (or from the household suggestion). */
  picked: PersonSummary | null
  /** What the tracer had typed before picking, restored by "Angre". */
  typed: Typed | null
  /** "Ny person": none of the suggestions is this person. */
  confirmNew: boolean
}
export interface GridValues {
  rows: GridRow[]
}

export const emptyRow = (): GridRow => ({
  firstName: '',
  lastName: '',
  idOrBirth: '',
  phone: '',
  relation: '',
  exposureSetting: '',
  lastExposure: '',
  household: false,
  picked: null,
  typed: null,
  confirmNew: false,
})

/** A row nobody has typed in (left out of the save). */
export function isEmptyRow(r: GridRow) {
  return (
    !r.picked &&
    !r.household &&
    [r.firstName, r.lastName, r.idOrBirth, r.phone, r.relation, r.exposureSetting, r.lastExposure].every(
      (v) => !v.trim(),
    )
  )
}

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

/** The row as one `contactCreate` of the batch. */
export function toContactCreate(r: GridRow): ContactCreate {
  const lastExposure = r.lastExposure.trim() ? (parseNorwegianDate(r.lastExposure) ?? r.lastExposure) : null
  const common = {
    relation: (r.relation || null) as ContactCreate['relation'],
    exposureSetting: r.exposureSetting || null,
    lastExposure,
    household: r.household,
    ...(r.household ? { exposureTypes: ['same_household' as const] } : {}),
  }
  if (r.picked) return { ...common, person: { personId: r.picked.id } }
  const { nationalId, birthDate } = splitIdOrBirth(r.idOrBirth)
  return {
    ...common,
    person: {
      firstName: r.firstName,
      lastName: r.lastName,
      nationalId,
      birthDate,
      phone: r.phone.trim() || null,
      ...(r.confirmNew ? { confirmNew: true } : {}),
    },
  }
}

/** An API path inside one row (`person.lastName`, `lastExposure`) → the grid cell showing it. */
export function cellOf(path: string): GridCell | null {
  const p = path.replace(/^person\./, '')
  if (p === 'nationalId' || p === 'birthDate') return 'idOrBirth'
  if (p === 'exposureTypes') return 'household'
  return (GRID_CELLS as readonly string[]).includes(p) ? (p as GridCell) : null
}

/** `body.rows.3.person.lastName` → { row: 3, rest: 'person.lastName' }. */
export function parseRowPath(path: string): { row: number; rest: string } | null {
  const m = /^(?:body\.)?rows\.(\d+)(?:\.(.*))?$/.exec(path)
  return m ? { row: Number(m[1]), rest: m[2] ?? '' } : null
}

export type CellErrors = Partial<Record<GridCell, string>>

/**
 * Client-side check of one row with the shared schemas (`contactFields` for the exposure,
 * `personInput` for a new person) plus what free typing adds (an unreadable date or id). The
 * person is checked on its own rather than through the union in `contactCreate`, so every
 * problem names a cell.
 */
export function checkRow(r: GridRow, messages: { idOrBirth: string; date: string }): CellErrors {
  const cells: CellErrors = {}
  if (!r.picked && splitIdOrBirth(r.idOrBirth).bad) cells.idOrBirth = messages.idOrBirth
  if (r.lastExposure.trim() && !parseNorwegianDate(r.lastExposure)) cells.lastExposure = messages.date
  const { person, ...fields } = toContactCreate(r)
  const issues = [
    ...(contactFields.safeParse(fields).error?.issues ?? []),
    ...(r.picked
      ? []
      : (personInput.safeParse(person).error?.issues ?? []).map((i) => ({
          ...i,
          path: ['person', ...i.path],
        }))),
  ]
  for (const issue of issues) {
    const cell = cellOf(issue.path.join('.')) ?? 'firstName'
    cells[cell] ??= issue.message
  }
  return cells
}

/** How a picked person fills the person cells (read-only while picked). */
export function pickedCells(p: PersonSummary): Typed {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    idOrBirth: p.birthDate ? formatIsoDate(p.birthDate) : p.nationalId ? maskNationalId(p.nationalId) : '',
    phone: p.phone ?? '',
  }
}

const storageKey = (caseId: string) => `smittespor.contactGrid.${caseId}`

/** The unsaved grid of a case from sessionStorage (this tab only), or null. */
export function loadDraft(caseId: string): GridRow[] | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(caseId))
    if (!raw) return null
    const rows = JSON.parse(raw) as GridRow[]
    return Array.isArray(rows) && rows.length ? rows.map((r) => ({ ...emptyRow(), ...r })) : null
  } catch {
    return null
  }
}

/** Keeps the unsaved grid across a reload; removes it when nothing is typed. */
export function saveDraft(caseId: string, rows: GridRow[]) {
  try {
    if (rows.every(isEmptyRow)) window.sessionStorage.removeItem(storageKey(caseId))
    else window.sessionStorage.setItem(storageKey(caseId), JSON.stringify(rows))
  } catch {
    // Storage full or disabled: the grid still works, it just does not survive a reload.
  }
}

export function clearDraft(caseId: string) {
  try {
    window.sessionStorage.removeItem(storageKey(caseId))
  } catch {
    // Nothing to do.
  }
}
