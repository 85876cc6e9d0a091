import type { PersonInput, PersonSummary, PersonView } from '../../../shared/api/persons'
import type { PersonRow, PersonValues } from './persons.queries'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/** The full person; a protected address stays hidden unless this request revealed it (audited). */
export function presentPerson(
  p: PersonRow,
  kommune: string,
  reveal = false,
  followedBy?: { kommune: string; kommune_name: string; owner: boolean }[],
): PersonView {
  const hide = p.protected_address !== 'none' && !reveal
  return {
    id: p.id,
    kommune: p.kommune,
    ownerUnit: p.owner_unit,
    linked: p.kommune !== kommune,
    nationalId: p.national_id,
    idType: p.id_type,
    firstName: p.first_name,
    lastName: p.last_name,
    birthDate: p.birth_date,
    sex: p.sex,
    phone: p.phone,
    phone2: p.phone2,
    email: p.email,
    street: hide ? null : p.street,
    postcode: hide ? null : p.postcode,
    place: hide ? null : p.place,
    residenceKommune: p.residence_kommune,
    residenceBydel: hide ? null : p.residence_bydel,
    protectedAddress: p.protected_address,
    addressHidden: hide,
    preferredLanguage: p.preferred_language,
    interpreterNeeded: p.interpreter_needed,
    workplaceName: p.workplace_name,
    workplaceType: p.workplace_type,
    foreignId: p.foreign_id,
    foreignIdCountry: p.foreign_id_country,
    notes: p.notes,
    fregFetchedAt: iso(p.freg_fetched_at),
    version: p.version,
    createdAt: iso(p.created_at)!,
    updatedAt: iso(p.updated_at)!,
    ...(followedBy
      ? {
          followedBy: followedBy.map((f) => ({
            kommune: f.kommune,
            kommuneName: f.kommune_name,
            owner: f.owner,
          })),
        }
      : {}),
  }
}

export const presentSummary = (p: {
  id: string
  national_id: string | null
  first_name: string
  last_name: string
  birth_date: string | null
  phone: string | null
  kommune: string
}): PersonSummary => ({
  id: p.id,
  nationalId: p.national_id,
  firstName: p.first_name,
  lastName: p.last_name,
  birthDate: p.birth_date,
  phone: p.phone,
  kommune: p.kommune,
})

/** API field names → columns, for the fields present in the input (partial updates). */
export function toColumns(input: Partial<Record<keyof PersonInput, unknown>>): PersonValues {
  const map: Record<string, keyof PersonValues> = {
    firstName: 'first_name',
    lastName: 'last_name',
    birthDate: 'birth_date',
    sex: 'sex',
    phone: 'phone',
    phone2: 'phone2',
    email: 'email',
    street: 'street',
    postcode: 'postcode',
    place: 'place',
    residenceKommune: 'residence_kommune',
    residenceBydel: 'residence_bydel',
    protectedAddress: 'protected_address',
    preferredLanguage: 'preferred_language',
    interpreterNeeded: 'interpreter_needed',
    workplaceName: 'workplace_name',
    workplaceType: 'workplace_type',
    foreignId: 'foreign_id',
    foreignIdCountry: 'foreign_id_country',
    notes: 'notes',
  }
  const out: Record<string, unknown> = {}
  for (const [k, col] of Object.entries(map))
    if (k in input && input[k as keyof PersonInput] !== undefined) out[col] = input[k as keyof PersonInput]
  return out as PersonValues
}

/** Column name → API field name (for audit diffs and conflict answers). */
export const FIELD_OF_COLUMN: Record<string, string> = {
  national_id: 'nationalId',
  first_name: 'firstName',
  last_name: 'lastName',
  birth_date: 'birthDate',
  residence_kommune: 'residenceKommune',
  residence_bydel: 'residenceBydel',
  protected_address: 'protectedAddress',
  preferred_language: 'preferredLanguage',
  interpreter_needed: 'interpreterNeeded',
  workplace_name: 'workplaceName',
  workplace_type: 'workplaceType',
  foreign_id: 'foreignId',
  foreign_id_country: 'foreignIdCountry',
}
