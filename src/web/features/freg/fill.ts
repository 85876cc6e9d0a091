import type { FregField, FregPerson } from '../../../shared/api/freg'

/**
 * The person-form values a FREG answer fills (strings, as inputs hold them). A protected address
 * fills only the protection level: the address fields are emptied, never filled.
 */
export function fregFill(p: FregPerson) {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate ?? '',
    street: p.address?.street ?? '',
    postcode: p.address?.postcode ?? '',
    place: p.address?.place ?? '',
    protectedAddress: p.protectedAddress,
  }
}

type FillValues = ReturnType<typeof fregFill>

/**
 * The FREG fields a form still holds as FREG filled them: only these are saved with FREG as their
 * source. The residence kommune goes with an address left unchanged (the form does not show it).
 */
export function fregFieldsKept(values: Omit<FillValues, 'protectedAddress'>, p: FregPerson): FregField[] {
  const filled = fregFill(p)
  const same = (k: keyof typeof values) => (values[k] ?? '').trim() === (filled[k] ?? '').trim()
  const kept = (['firstName', 'lastName', 'birthDate', 'street', 'postcode', 'place'] as const).filter(same)
  if (same('street') && same('postcode') && same('place')) return [...kept, 'residenceKommune']
  return kept
}
