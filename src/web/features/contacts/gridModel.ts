import { type ContactCreate, contactFields } from '../../../shared/api/contacts'
import { parseNorwegianDate } from '../../components/dates'
import {
  cellOfPath,
  checkPerson,
  emptyPersonRow,
  type PersonRow,
  putIssues,
  toPersonInput,
} from '../linelist/personRow'

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

export interface GridRow extends PersonRow {
  relation: string
  exposureSetting: string
  /** As typed: 12.04.2024, 12.4.24, 2024-04-12 … */
  lastExposure: string
  household: boolean
}
export interface GridValues {
  rows: GridRow[]
}

export const emptyRow = (): GridRow => ({
  ...emptyPersonRow(),
  relation: '',
  exposureSetting: '',
  lastExposure: '',
  household: false,
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
  return { ...common, person: toPersonInput(r) }
}

/** An API path inside one row (`person.lastName`, `lastExposure`) → the grid cell showing it. */
export const cellOf = (path: string) => cellOfPath<GridCell>(path, GRID_CELLS, { exposureTypes: 'household' })

export type CellErrors = Partial<Record<GridCell, string>>

/**
 * Client-side check of one row with the shared schemas (`contactFields` for the exposure, the
 * person's own check for a new person) plus what free typing adds (an unreadable date or id).
 */
export function checkRow(r: GridRow, messages: { idOrBirth: string; date: string }): CellErrors {
  const cells: CellErrors = {}
  if (r.lastExposure.trim() && !parseNorwegianDate(r.lastExposure)) cells.lastExposure = messages.date
  const { person: _, ...fields } = toContactCreate(r)
  putIssues(cells, contactFields.safeParse(fields).error?.issues ?? [], cellOf, 'firstName')
  return checkPerson(r, cells, messages.idOrBirth, cellOf)
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
