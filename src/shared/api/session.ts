import { z } from 'zod'
import { roleSchema } from './roles'

export const membershipSchema = z.object({
  kommune: z.string(),
  kommuneName: z.string(),
  kommuneActive: z.boolean(),
  roles: z.array(roleSchema),
})

export const sessionResponse = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  activeKommune: z.object({ code: z.string(), name: z.string(), active: z.boolean() }).nullable(),
  /** Roles that apply now: national roles plus those in the active municipality. */
  roles: z.array(roleSchema),
  nationalRoles: z.array(roleSchema),
  memberships: z.array(membershipSchema),
  testEnvironment: z.boolean(),
  csrfToken: z.string(),
})
export type SessionResponse = z.infer<typeof sessionResponse>

export const selectKommuneBody = z.object({ kommune: z.string().regex(/^\d{4}$/, 'Ugyldig kommunenummer') })

export const metaResponse = z.object({
  testEnvironment: z.boolean(),
  demo: z.boolean(),
  loginUrl: z.string(),
})
