import type { ParticipantCreate, ParticipantRole } from '../../../shared/api/events'
import { type PersonSummary, personInput } from '../../../shared/api/persons'
import { splitIdOrBirth } from '../contacts/gridModel'
import { parseExposure } from './osloTime'

/**
 * The participant grid (SPEC §3.4: "participant line-listing entry like the contact grid"): the
 * contact grid's person cells and duplicate handling, with role and exposure time instead of the
 * contact's relation and exposure date.
 */
export const PGRID_CELLS = ['firstName', 'lastName', 'idOrBirth', 'phone', 'role', 'exposure'] as const
export type PGridCell = (typeof PGRID_CELLS)[number]

type Typed = { firstName: string; lastName: string; idOrBirth: string; phone: string }

export interface PGridRow extends Typed {
  role: ParticipantRole
  /** As typed: 12.04.2024, 12.04.2024 18:30 … */
  exposure: string
  picked: PersonSummary | null
  typed: Typed | null
  confirmNew: boolean
}
export interface PGridValues {
  rows: PGridRow[]
}

export const emptyPRow = (exposure = ''): PGridRow => ({
  firstName: '',
  lastName: '',
  idOrBirth: '',
  phone: '',
  role: 'attendee',
  exposure,
  picked: null,
  typed: null,
  confirmNew: false,
})

/** Nobody typed a person in the row (the prefilled exposure alone does not count). */
export const isEmptyPRow = (r: PGridRow) =>
  !r.picked && [r.firstName, r.lastName, r.idOrBirth, r.phone].every((v) => !v.trim())

export function toParticipantCreate(r: PGridRow): ParticipantCreate {
  const exposureAt = r.exposure.trim() ? parseExposure(r.exposure) : null
  const common = { role: r.role, exposureAt }
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

/** An API path inside one row (`person.lastName`, `exposureAt`) → the grid cell showing it. */
export function pCellOf(path: string): PGridCell | null {
  const p = path.replace(/^person\./, '')
  if (p === 'nationalId' || p === 'birthDate') return 'idOrBirth'
  if (p === 'exposureAt') return 'exposure'
  return (PGRID_CELLS as readonly string[]).includes(p) ? (p as PGridCell) : null
}

export type PCellErrors = Partial<Record<PGridCell, string>>

/** Client-side check of one row: the shared person schema plus what free typing adds. */
export function checkPRow(r: PGridRow, messages: { idOrBirth: string; exposure: string }): PCellErrors {
  const cells: PCellErrors = {}
  if (!r.picked && splitIdOrBirth(r.idOrBirth).bad) cells.idOrBirth = messages.idOrBirth
  if (r.exposure.trim() && !parseExposure(r.exposure)) cells.exposure = messages.exposure
  if (!r.picked) {
    const { person } = toParticipantCreate(r)
    for (const issue of personInput.safeParse(person).error?.issues ?? []) {
      const cell = pCellOf(issue.path.join('.')) ?? 'firstName'
      cells[cell] ??= issue.message
    }
  }
  return cells
}
