import type { ParticipantCreate, ParticipantRole } from '../../../shared/api/events'
import { cellOfPath, checkPerson, emptyPersonRow, type PersonRow, toPersonInput } from '../linelist/personRow'
import { parseExposure } from './osloTime'

/**
 * The participant grid (SPEC §3.4: "participant line-listing entry like the contact grid"): the
 * contact grid's person cells and duplicate handling, with role and exposure time instead of the
 * contact's relation and exposure date.
 */
export const PGRID_CELLS = ['firstName', 'lastName', 'idOrBirth', 'phone', 'role', 'exposure'] as const
export type PGridCell = (typeof PGRID_CELLS)[number]

export interface PGridRow extends PersonRow {
  role: ParticipantRole
  /** As typed: 12.04.2024, 12.04.2024 18:30 … */
  exposure: string
}
export interface PGridValues {
  rows: PGridRow[]
}

export const emptyPRow = (exposure = ''): PGridRow => ({ ...emptyPersonRow(), role: 'attendee', exposure })

/** Nobody typed a person in the row (the prefilled exposure alone does not count). */
export const isEmptyPRow = (r: PGridRow) =>
  !r.picked && [r.firstName, r.lastName, r.idOrBirth, r.phone].every((v) => !v.trim())

export function toParticipantCreate(r: PGridRow): ParticipantCreate {
  const exposureAt = r.exposure.trim() ? parseExposure(r.exposure) : null
  return { role: r.role, exposureAt, person: toPersonInput(r) }
}

/** An API path inside one row (`person.lastName`, `exposureAt`) → the grid cell showing it. */
export const pCellOf = (path: string) => cellOfPath<PGridCell>(path, PGRID_CELLS, { exposureAt: 'exposure' })

export type PCellErrors = Partial<Record<PGridCell, string>>

/** Client-side check of one row: the shared person check plus an exposure time that cannot be read. */
export function checkPRow(r: PGridRow, messages: { idOrBirth: string; exposure: string }): PCellErrors {
  const cells: PCellErrors =
    r.exposure.trim() && !parseExposure(r.exposure) ? { exposure: messages.exposure } : {}
  return checkPerson(r, cells, messages.idOrBirth, pCellOf)
}
