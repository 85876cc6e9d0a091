import { z } from 'zod'
import { isoDate, pageQuery, protectedAddress, sex, uuid, versionField, workplaceType } from './codes'

const trimmed = (max: number) => z.string().trim().max(max)
const optionalText = (max: number) =>
  trimmed(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))

/** Person fields a tracer can write (SPEC §3.1). The national id is validated in the service. */
export const personInput = z.object({
  nationalId: z
    .string()
    .trim()
    .max(20)
    .optional()
    .nullable()
    .transform((v) => (v ? v.replace(/\s/g, '') : null)),
  firstName: trimmed(100).min(1, 'Fornavn må fylles ut'),
  lastName: trimmed(100).min(1, 'Etternavn må fylles ut'),
  birthDate: isoDate.optional().nullable(),
  sex: sex.optional().nullable(),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ()-]*$/, 'Telefonnummeret kan bare inneholde siffer, mellomrom og +')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  phone2: optionalText(30),
  email: z
    .string()
    .trim()
    .max(200)
    .email('Ugyldig e-postadresse')
    .optional()
    .nullable()
    .or(z.literal('').transform(() => null)),
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, 'Postnummer har fire siffer')
    .optional()
    .nullable()
    .transform((v) => v || null),
  place: optionalText(100),
  residenceKommune: z
    .string()
    .regex(/^\d{4}$/, 'Ugyldig kommunenummer')
    .optional()
    .nullable(),
  residenceBydel: z
    .string()
    .regex(/^\d{6}$/, 'Ugyldig bydelsnummer')
    .optional()
    .nullable(),
  protectedAddress: protectedAddress.optional(),
  preferredLanguage: optionalText(50),
  interpreterNeeded: z.boolean().optional(),
  workplaceName: optionalText(200),
  workplaceType: workplaceType.optional().nullable(),
  foreignId: optionalText(50),
  foreignIdCountry: optionalText(60),
  notes: optionalText(4000),
})
export type PersonInput = z.input<typeof personInput>

export const personUpdate = personInput.partial().extend({ version: versionField })

/** A reference to a person in a registration: an existing person, or the fields of a new one. */
export const personRef = z.union([
  z.object({ personId: uuid }),
  personInput.extend({
    /** The tracer looked at the duplicate suggestions and confirms this is a new person. */
    confirmNew: z.boolean().optional(),
  }),
])
export type PersonRef = z.input<typeof personRef>

export const personView = z.object({
  id: z.string(),
  kommune: z.string(),
  ownerUnit: z.string(),
  /** True when another municipality owns the person and this one works with them through a link. */
  linked: z.boolean(),
  nationalId: z.string().nullable(),
  idType: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  sex: sex.nullable(),
  phone: z.string().nullable(),
  phone2: z.string().nullable(),
  email: z.string().nullable(),
  /** Null (hidden) when the address is protected and has not been revealed in this request. */
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  residenceKommune: z.string().nullable(),
  residenceBydel: z.string().nullable(),
  protectedAddress: protectedAddress,
  addressHidden: z.boolean(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  workplaceName: z.string().nullable(),
  workplaceType: workplaceType.nullable(),
  foreignId: z.string().nullable(),
  foreignIdCountry: z.string().nullable(),
  notes: z.string().nullable(),
  fregFetchedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Other municipalities that also work with this person ("Følges også opp av …", SPEC §3.6):
   * names only. Their details (phone, address, notes) are never shown here.
   */
  followedBy: z
    .array(z.object({ kommune: z.string(), kommuneName: z.string(), owner: z.boolean() }))
    .optional(),
})
export type PersonView = z.infer<typeof personView>

/** What lists and suggestions show: never the address. */
export const personSummary = z.object({
  id: z.string(),
  nationalId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  kommune: z.string(),
})
export type PersonSummary = z.infer<typeof personSummary>

export const personListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() })
export const personList = z.object({ items: z.array(personSummary), nextCursor: z.string().nullable() })

export const duplicateSuggestionQuery = z.object({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  birthDate: isoDate.optional(),
  phone: z.string().trim().max(30).optional(),
  street: z.string().trim().max(200).optional(),
})
export const duplicateSuggestion = personSummary.extend({
  score: z.number(),
  reasons: z.array(z.enum(['name', 'birthDate', 'phone', 'address'])),
})
export const duplicateSuggestions = z.object({ items: z.array(duplicateSuggestion) })

/** Exact national-id lookup (SPEC §3.6): only whether and where the person is followed up. */
export const nationalIdLookupBody = z.object({ nationalId: z.string().trim().min(1).max(20) })
export const nationalIdLookup = z.object({
  status: z.enum(['not-found', 'own', 'elsewhere']),
  personId: z.string().nullable(),
  kommune: z.string().nullable(),
  kommuneName: z.string().nullable(),
  followedUp: z.boolean(),
  /** The person's name and birth date when this municipality sees them ('own'); null otherwise. */
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  birthDate: z.string().nullable(),
})

export const duplicatePair = z.object({
  a: personSummary,
  b: personSummary,
  score: z.number(),
  reasons: z.array(z.string()),
})
export const duplicatePairs = z.object({ items: z.array(duplicatePair) })

export const MERGE_FIELDS = [
  'nationalId',
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'phone',
  'phone2',
  'email',
  'street',
  'postcode',
  'place',
  'residenceKommune',
  'residenceBydel',
  'preferredLanguage',
  'workplaceName',
  'workplaceType',
  'notes',
] as const

export const mergeBody = z.object({
  survivorId: uuid,
  mergedId: uuid,
  survivorVersion: versionField,
  mergedVersion: versionField,
  /** For each field, whose value to keep; missing fields keep the survivor's. */
  choices: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['survivor', 'merged'])).default({}),
})

/** "Ikke duplikat": the pair is not suggested again (audited; revoke to undo). */
export const notDuplicateBody = z.object({ aId: uuid, bId: uuid })

export const revealAddressBody = z.object({
  reason: z.string().trim().min(5, 'Skriv en begrunnelse (minst 5 tegn)').max(500),
})
