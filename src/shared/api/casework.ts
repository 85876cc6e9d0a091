import { z } from 'zod'

/** Pieces shared by the case, contact, flag and worklist schemas. */

export const userRef = z.object({ id: z.string(), name: z.string() })
export type UserRef = z.infer<typeof userRef>

/** Smitteperiode as computed by shared/domain/infectiousPeriod. */
export const infectiousPeriodView = z.object({
  start: z.string(),
  end: z.string().nullable(),
  basis: z.enum(['onset', 'test']),
  basisDate: z.string(),
})

/** A non-blocking remark on a record, shown next to the field (`path`) it concerns. */
export const warning = z.object({ path: z.string(), code: z.string(), message: z.string() })
export type Warning = z.infer<typeof warning>
