import { z } from 'zod'

/** An owner unit: the municipality itself or one of its bydeler/sub-units (org_units code). */
export const ownerUnitCode = z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'Ugyldig enhetskode')

/** PUT /api/me/default-unit — null: the municipality itself. */
export const defaultUnitBody = z.object({ unit: ownerUnitCode.nullable() })
export const defaultUnit = z.object({
  kommune: z.string(),
  /** The user's default owner unit for new records (null: the municipality). */
  unit: z.string().nullable(),
  /** The units the user may choose: the municipality first, then its bydeler and sub-units. */
  units: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
})

export const ownedRecordType = z.enum(['cases', 'contacts', 'events'])
export const ownerParams = z.object({ type: ownedRecordType, id: z.string().uuid('Ugyldig id') })
/** PUT /api/owner-unit/:type/:id — moves a record to another unit of the same municipality. */
export const ownerBody = z.object({ unit: ownerUnitCode })
export const ownerResult = z.object({ id: z.string(), ownerUnit: z.string(), previous: z.string() })
