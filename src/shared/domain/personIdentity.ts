/**
 * The least identity that lets anyone find a person again (issue 17): a national id, or else a
 * name and a birth date. Names are required by the input schema; this rule adds the birth date
 * when the national id is missing. Returns field errors (field name → Norwegian message).
 */
export interface IdentityFields {
  nationalId?: string | null | undefined
  birthDate?: string | null | undefined
}

export interface IdentityError {
  field: 'birthDate'
  message: string
}

export const MISSING_BIRTH_DATE = 'Fyll inn fødselsdato når personen ikke har fødselsnummer'

export function minimumIdentityErrors(p: IdentityFields): IdentityError[] {
  const hasId = !!p.nationalId?.trim()
  const hasBirth = !!p.birthDate?.trim()
  return hasId || hasBirth ? [] : [{ field: 'birthDate', message: MISSING_BIRTH_DATE }]
}
