import { z } from 'zod'
import { checkNationalId } from '../domain/nationalId'

/**
 * Access administration (SPEC §2): an Administrator manages the users of the own municipality.
 * Request schemas accept what HTML forms send (empty strings for empty optional fields) and turn
 * it into null, so the web form and the API share one schema.
 */

/** Roles an Administrator can grant in a municipality (national roles are not granted here). */
export const municipalRoleSchema = z.enum(['admin', 'tracer', 'report'])
export type MunicipalRole = z.infer<typeof municipalRoleSchema>
export const MUNICIPAL_ROLE_ORDER: readonly MunicipalRole[] = ['admin', 'tracer', 'report']

export const isoDate = z.iso.date()

/** An optional date field: '' or null means none. */
export const optionalDate = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => v || null)

/** As optionalDate, but left out stays undefined ("keep as it is") while ''/null clear it. */
export const optionalDatePatch = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v || null))

/** Optional free text, trimmed; '' becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v || null)

/** Optional e-mail address; '' becomes null. */
export const optionalEmail = z
  .union([z.literal(''), z.null(), z.string().trim().max(200).pipe(z.email())])
  .optional()
  .transform((v) => v || null)

/**
 * A fødselsnummer/D-nummer as typed. The shape and check digits are checked here (also in the
 * browser); the environment policy (only synthetic numbers in the test environment) is applied by
 * the server, which knows the environment.
 */
export const nationalIdInput = z
  .string()
  .trim()
  .min(1, 'Fødselsnummeret må fylles ut')
  .max(20, 'Fødselsnummeret må ha 11 siffer')
  .superRefine((value, ctx) => {
    const checked = checkNationalId(value)
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message })
  })

export const personName = z.string().trim().min(1, 'Navnet må fylles ut').max(200)
export const requiredEmail = z.string().trim().min(1, 'E-postadressen må fylles ut').max(200).pipe(z.email())

const rolesInput = z
  .array(municipalRoleSchema)
  .min(1, 'Velg minst én rolle')
  .max(3)
  .refine((r) => new Set(r).size === r.length, 'Hver rolle kan bare velges én gang')

/** A user's status in the municipality the list is for. */
export const userStatusSchema = z.enum(['active', 'deactivated', 'expired'])
export type UserStatus = z.infer<typeof userStatusSchema>

export const userSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** Date part only ("038515*****"): the list never shows the full number. */
  nationalIdMasked: z.string(),
  /** Roles that apply today in this municipality. */
  roles: z.array(municipalRoleSchema),
  /** End date of the access here, if any. */
  validTo: isoDate.nullable(),
  status: userStatusSchema,
  /** 'inactive-90-days' (automatic), 'deactivated' (by an Administrator), or null. */
  deactivatedReason: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
})
export type UserSummary = z.infer<typeof userSummary>

/** One role grant, as the access review and a user's history show it. */
export const roleGrant = z.object({
  id: z.string(),
  role: municipalRoleSchema,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  grantedAt: z.string(),
  grantedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
})
export type RoleGrant = z.infer<typeof roleGrant>

export const userDetail = userSummary.extend({
  /** Every grant in this municipality, newest first. */
  history: z.array(roleGrant),
})
export type UserDetail = z.infer<typeof userDetail>

export const userIdParam = z.object({ id: z.uuid('Ugyldig bruker-id') })

export const userListQuery = z.object({
  /** Name, e-mail, or a full national id. */
  q: z.string().trim().max(100).optional(),
  role: municipalRoleSchema.optional(),
  status: userStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type UserListQuery = z.input<typeof userListQuery>

export const userList = z.object({
  items: z.array(userSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type UserList = z.infer<typeof userList>

export const createUserBody = z.object({
  nationalId: nationalIdInput,
  name: personName,
  email: requiredEmail,
  roles: rolesInput,
  validTo: optionalDate,
})
export type CreateUserInput = z.input<typeof createUserBody>

export const createUserResponse = z.object({
  user: userDetail,
  /** The person was already a user (e.g. in another municipality): the roles were added to them. */
  existing: z.boolean(),
})

export const updateUserBody = z.object({
  version: z.number().int().min(1),
  name: personName.optional(),
  email: requiredEmail.optional(),
  /** The full set of roles the user shall hold here. */
  roles: rolesInput.optional(),
  /** The end date of the access here; null removes it; left out keeps it. */
  validTo: optionalDatePatch,
})
export type UpdateUserInput = z.input<typeof updateUserBody>

export const deactivateUserBody = z.object({
  version: z.number().int().min(1),
  reason: optionalText(500),
})

export const reactivateUserBody = z.object({
  version: z.number().int().min(1),
  /** Left out: the roles revoked when the access was deactivated are restored. */
  roles: rolesInput.optional(),
  validTo: optionalDate,
})

/** 409 body on a stale version: `current` holds what is stored now. */
export const userConflict = z.object({ code: z.literal('conflict'), title: z.string(), current: userDetail })

export const accessReviewQuery = z.object({
  /** Grants in force at some point in [from, to] (both optional). */
  from: optionalDate,
  to: optionalDate,
})

export const accessReviewRow = roleGrant.extend({
  userId: z.string(),
  name: z.string(),
  nationalIdMasked: z.string(),
})
export type AccessReviewRow = z.infer<typeof accessReviewRow>

export const accessReview = z.object({
  kommune: z.object({ code: z.string(), name: z.string() }),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  generatedAt: z.string(),
  items: z.array(accessReviewRow),
})
export type AccessReview = z.infer<typeof accessReview>

export const municipalRoleLabels: Record<MunicipalRole, string> = {
  admin: 'Administrator',
  tracer: 'Kommunebruker',
  report: 'Rapportbruker',
}

export const revokeReasonLabels: Record<string, string> = {
  changed: 'Endret',
  deactivated: 'Deaktivert',
}

/** GET /api/users/assignable: who a case or contact can be assigned to (tracers and administrators). */
export const assignableUsers = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
export type AssignableUsers = z.infer<typeof assignableUsers>
