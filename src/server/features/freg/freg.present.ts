import { FREG_FIELDS, type FregField, type FregFieldChange, type FregPerson } from '../../../shared/api/freg'
import type { PersonView } from '../../../shared/api/persons'
import type { PersonValues } from '../persons/persons.queries'

/** FREG's value for each fillable person field (address fields are null when protected). */
export function fregValues(p: FregPerson): Record<FregField, string | null> {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    sex: p.sex,
    street: p.address?.street ?? null,
    postcode: p.address?.postcode ?? null,
    place: p.address?.place ?? null,
    residenceKommune: p.residenceKommune,
    protectedAddress: p.protectedAddress,
  }
}

/**
 * The preview: each field as the register has it (as this user may see it — a hidden protected
 * address shows as empty) next to FREG's value.
 */
export function fieldChanges(current: PersonView, p: FregPerson): FregFieldChange[] {
  const freg = fregValues(p)
  return FREG_FIELDS.map((field) => {
    const now = current[field] ?? null
    return { field, current: now, freg: freg[field], changed: now !== freg[field] }
  })
}

const COLUMN: Record<FregField, keyof PersonValues> = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  sex: 'sex',
  street: 'street',
  postcode: 'postcode',
  place: 'place',
  residenceKommune: 'residence_kommune',
  protectedAddress: 'protected_address',
}

const ADDRESS_COLUMNS = ['street', 'postcode', 'place', 'residence_kommune', 'residence_bydel'] as const

/**
 * Column values for the fields the tracer chose. A protection level from FREG is always applied
 * and then the stored address is emptied: Smittespor keeps only the level of a protected address.
 */
export function columnsToApply(p: FregPerson, fields: readonly FregField[]): PersonValues {
  const freg = fregValues(p)
  const out: Record<string, unknown> = {}
  for (const field of new Set(fields)) {
    if (field === 'firstName' || field === 'lastName') {
      if (freg[field]) out[COLUMN[field]] = freg[field]
    } else out[COLUMN[field]] = freg[field]
  }
  if (p.protectedAddress !== 'none') {
    out.protected_address = p.protectedAddress
    for (const c of ADDRESS_COLUMNS) out[c] = null
  }
  return out as PersonValues
}

export const ADDRESS_FIELDS_MASKED = [
  'street',
  'postcode',
  'place',
  'residence_kommune',
  'residence_bydel',
] as const
