import type { FregPerson } from '../../../shared/api/freg'

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
